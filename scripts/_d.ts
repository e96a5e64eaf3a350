import { detect } from "~/server/domain/detector";
for (const s of process.argv.slice(2)) { const d=detect(s); console.log(d.length? JSON.stringify(d.map(x=>[x.start,x.end,x.tags,x.uncertain,x.rule.slice(0,60)])) : "-", "|", s); }
