export { eventsStage, findEvents, type EventInput } from './events.js'
export { ActorIndex, actorIndex, type ActorMention } from './actors.js'
export { TRIGGERS, type TriggerEntry, type PloverType } from './events.data.js'
