export { entitiesStage, findEntities, type EntitiesOptions } from './entities.js'
