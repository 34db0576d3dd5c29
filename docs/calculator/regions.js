// The regions and kinds of calc's catalogue as the page names them: which policy an id follows
// (an alias has alias_of), the chosen region's catalogue, a kind by its id, and the names of
// each (calc's words for an id the catalogue does not know). Reads the page's state (state.js).
import { page } from "./state.js";
import { message } from "./vocabulary.js";

/** The policy an id follows (itself, or the one an alias follows), or null when unknown. */
export function canonical(policyId) {
  const found = page.catalogue.policies.find((p) => p.id === policyId);
  return found ? found.alias_of || found.id : null;
}

export function policyName(policyId) {
  return page.catalogue.policies.find((p) => p.id === policyId)?.name || message("region_unknown", { region: policyId });
}

/** The catalogue of the scenario's region (its policy's, for an alias), or null. */
export function regionCatalogue() {
  const id = canonical(page.scenario.policy);
  return id ? page.catalogue.catalogues[id] || null : null;
}

export function kindOf(kindId) {
  return (regionCatalogue()?.kinds || []).find((k) => k.id === kindId) || null;
}

export function kindName(kindId) {
  const kind = kindOf(kindId);
  return kind ? kind.name : kindId ? message("kind_unknown", { kind: kindId }) : "未选类型";
}

/** The printable worksheet of a region (an alias has its policy's), if there is one. */
export function worksheetFor(policyId, regionsUrl) {
  const id = canonical(policyId);
  return id ? { href: `${regionsUrl}${id}-worksheet/`, name: policyName(id) } : null;
}

/** The scenario's region if the catalogue knows it, else the first region (or none). */
export function knownPolicyOr(fallback = page.catalogue.policies[0]?.id || "") {
  const policy = page.scenario.policy;
  return typeof policy === "string" && canonical(policy) ? policy : fallback;
}
