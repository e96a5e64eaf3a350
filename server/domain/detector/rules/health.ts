import type { Rule, RuleFamily } from "./types";

/**
 * Health -> `health`, only where the language is unambiguous: pregnancy, named diagnoses,
 * mental-health services and admissions, self-harm, prescribed medication, substance-misuse
 * services. Feelings ("she is anxious"), injuries from an assault and suicide threats made as a
 * control tactic are not flagged: they are risk information, and a reviewer can tag them by hand.
 */
export const HEALTH_RULES: readonly Rule[] = [
  {
    id: "health.pregnancy",
    tag: "health",
    requires: ["pregnan", "natal", "maternity", "midwi", "miscarr", "expecting"],
    description: "Pregnancy and maternity care: pregnant, antenatal, postnatal, midwife, miscarriage, maternity unit.",
    pattern:
      /\b(?:pregnan\w*|ante[\s-]?natal|post[\s-]?natal|maternity\s+(?:unit|ward|services?|team|appointment|care)|midwi\w*|miscarr\w*|expecting\s+(?:a|her|their)\s+(?:baby|child))\b/i,
  },
  {
    id: "health.mental-health",
    tag: "health",
    requires: ["sectioned", "mental", "mha", "psychiatri", "cmht", "crisis", "treatment", "iapt", "therapies", "harm", "overdos", "suicid"],
    description:
      "Mental-health services and crises: sectioned, Mental Health Act, psychiatric, CMHT, crisis " +
      "team, mental health ward/team/admission, self-harm, overdose, attempted suicide.",
    pattern:
      /\b(?:sectioned|Mental\s+Health\s+Act|MHA|psychiatri\w*|CMHT|crisis\s+team|home\s+treatment\s+team|mental\s+health\s+(?:ward|unit|admission|team|services?|crisis|nurse|practitioner|worker|assessment|problems?|issues?|condition|diagnosis|support)|IAPT|talking\s+therapies|self[\s-]?harm\w*|overdos\w*|suicide\s+attempts?|attempted\s+suicide|suicidal\s+(?:ideation|thoughts))\b/i,
  },
  {
    id: "health.diagnosis",
    tag: "health",
    requires: ["diagnos", "ptsd", "traumatic", "depression", "bipolar", "schizo", "psycho", "disorder", "anorexi", "bulimi", "ocd", "adhd", "autis", "epilep", "diabet", "hiv", "hepatitis", "cancer", "chemotherapy", "dementia", "alzheimer", "sclerosis", "palsy", "injury", "disabilit", "anxiety", "trauma", "wheelchair", "registered", "impair"],
    description:
      "Named diagnoses and conditions: diagnosis, PTSD, depression, bipolar, schizophrenia, " +
      "personality or eating disorder, ADHD, autism, epilepsy, diabetes, HIV, cancer, dementia, " +
      "learning disability, treatment for anxiety or depression.",
    pattern:
      /\b(?:diagnos\w*|PTSD|post[\s-]traumatic\s+stress|depression|bipolar|schizo\w*|psychosis|psychotic|personality\s+disorder|eating\s+disorder|anorexi\w*|bulimi\w*|OCD|ADHD|autis\w*|epilep\w*|diabet\w*|HIV|hepatitis|cancer|chemotherapy|dementia|Alzheimer\w*|multiple\s+sclerosis|cerebral\s+palsy|brain\s+injury|learning\s+disabilit\w*|anxiety\s+(?:disorder|and\s+depression)|(?:counselling|treatment|medication|referred|therapy)\s+for\s+(?:anxiety|depression|trauma|PTSD)|wheelchair|registered\s+(?:blind|disabled)|visually\s+impaired|hearing\s+impair\w*)\b/i,
  },
  {
    id: "health.medication",
    tag: "health",
    requires: ["prescri", "medication", "depressant", "sertraline", "fluoxetine", "citalopram", "mirtazapine", "venlafaxine", "amitriptyline", "diazepam", "lorazepam", "zopiclone", "pregabalin", "gabapentin", "quetiapine", "olanzapine", "risperidone", "aripiprazole", "lithium", "methadone", "buprenorphine", "subutex", "insulin", "tramadol", "codeine", "propranolol"],
    description: "Prescribed medication: prescribed, medication, antidepressants, and common named drugs (sertraline, methadone...).",
    pattern:
      /\b(?:prescribed|prescription|medication|antidepressants?|anti-depressants?|sertraline|fluoxetine|citalopram|escitalopram|mirtazapine|venlafaxine|amitriptyline|diazepam|lorazepam|zopiclone|pregabalin|gabapentin|quetiapine|olanzapine|risperidone|aripiprazole|lithium|methadone|buprenorphine|subutex|insulin|tramadol|codeine|propranolol)\b/i,
  },
  {
    id: "health.substance",
    tag: "health",
    requires: ["alcohol", "drug", "substance", "detox", "rehab"],
    description: "Substance misuse as a health matter: alcohol or drug dependency, misuse, treatment services, detox, rehab.",
    pattern:
      /\b(?:(?:alcohol|drug|substance)\s+(?:dependen\w*|misuse|addiction|treatment|services?|worker|detox|rehab)|alcoholi(?:c|sm)|detox|rehab)\b/i,
  },
];

export const HEALTH_FAMILY: RuleFamily = { tag: "health", rules: HEALTH_RULES, guards: [] };
