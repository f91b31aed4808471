// STUB (owned by the knowledge-base engineer): replaced by the real knowledge base.
/** An actor known to the knowledge base. */
export interface KbActor { id: string; name: string; type: string; affiliation: string | null; code: string | null; aliases: string[]; roles: { title: string; from: string | null; to: string | null }[] }
/** The knowledge base of actors. */
export interface Kb { actor(id: string): KbActor | undefined; readonly actors: readonly KbActor[] }
/** Loads the built-in knowledge base, merging user folders. */
export function loadKb(_extraDirs: readonly string[] = []): Kb { return { actor: () => undefined, actors: [] } }
