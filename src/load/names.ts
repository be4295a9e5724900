/** Which names in a folder are plan files: what discovery, the campaign search, git sides and the results cache agree on. */

/** A YAML file by its name. */
export const YAML_FILE = /\.ya?ml$/i;

/** YAML files that are never plans: plans' own config and other tools' files. */
export const NOT_PLAN_FILES: ReadonlySet<string> = new Set(['plans.config.yaml', 'plans.config.yml', '.pre-commit-hooks.yaml', '.pre-commit-config.yaml', '.gitlab-ci.yml']);
