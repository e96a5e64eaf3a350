/**
 * The detector workload of `npm run bench`: 2,000 narratives of 12 to 20 sentences drawn from ten
 * typical case-note sentences (immigration, contact details, health and ordinary ones).
 * The detector's output test pins what `detect` returns on a sample of them.
 */
const SENTENCES = [
  "Police attended after a neighbour reported shouting at the address.",
  "She says he controls all the money and she has no access to her bank card.",
  "Her spouse visa expires in June and he says he will have her deported if she leaves.",
  "She has no recourse to public funds and is staying with a friend.",
  "He has been cautioned for assault against a previous partner.",
  "She is on annual leave from work next week and will attend the appointment.",
  "Her brother is applying for leave to remain and the Home Office has not decided yet.",
  "The children attend Northtown Primary School and are doing well.",
  "She can be contacted on 07700 900123 between 10am and noon.",
  "She is 12 weeks pregnant and has been seen by the midwife.",
];

export function benchNarratives(count = 2_000): string[] {
  return Array.from({ length: count }, (_, i) =>
    Array.from({ length: 12 + (i % 9) }, (_, j) => SENTENCES[(i * 7 + j * 3) % SENTENCES.length]).join(" "),
  );
}
