import { TableScroll } from "~/components/ui/table-scroll";

/** Every problem found in an import file, with where it is in the file. */
export function ImportIssues({ issues }: { issues: { path: string; message: string }[] }) {
  return (
    <TableScroll label="Problems in the file">
      <table className="mb-8 w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-lg font-bold">Problems in the file</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-3">Where</th>
            <th scope="col" className="py-2 pr-3">Problem</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, n) => (
            <tr key={n} className="border-b border-border">
              <td className="py-2 pr-3 font-mono break-all">{i.path}</td>
              <td className="py-2 pr-3">{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
