import { modelFromWeights, type WeightsFile } from "./model";
import weights from "./weights.json";

export * from "./model";

/** The committed model, decoded once when the module loads (no network, no download). */
export const MODEL = modelFromWeights(weights as WeightsFile);
