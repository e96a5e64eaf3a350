/** The one fontkit call the renderer makes (fontkit ships no types); PDFKit handles the font itself. */
declare module "fontkit" {
  export function create(buffer: Uint8Array): { layout: (text: string, features?: object, ...rest: unknown[]) => unknown };
}
