/** The PLOVER catalogue (types, classes, modes, symmetry, argument frames) and the CAMEO → PLOVER mapping. */
export * from './catalogue.js'
export * from './cameo.js'
