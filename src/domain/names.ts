/** Names of cities, owners and units as the repository gives them: one implementation each, for rules and reports. */
import type { CityPlan, Model } from '../model/types.js';

/** An owner's name; an id that names no owner prints as written, so a mistake stays visible. */
export function ownerName(model: Model, id: string | undefined): string {
  if (!id) return '';
  return model.ownersById.get(id)?.name ?? id;
}

/** A city's name from the campaign (杭州市), else its id. */
export function cityName(model: Model, id: string): string {
  return model.campaign?.cities.find((c) => c.id === id)?.name ?? id;
}

/** A unit's (county's) name from its city's plan, else its id. */
export function unitName(plan: CityPlan | undefined, unit: string): string {
  return plan?.units.find((u) => u.id === unit)?.name ?? unit;
}
