/** Tunable constants of the NER model (feature hashing, training, normalisation). */

/** IOB2 output classes; index = class id. O first so an all-zero score row predicts O. */
export const NER_TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const
/** Entity types, in class order (class 2k+1 = B-type k, 2k+2 = I-type k). */
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const
/** Number of classes scored per feature row. */
export const N_CLASSES = NER_TAGS.length

/** log2 of the number of hashed feature rows: 2^20 keeps collisions rare for ~0.6M distinct features. */
export const HASH_BITS = 20

/** Training epochs over eng.train; dev F1 stops improving after about this many with averaging. */
export const EPOCHS = 10
/** Seed of the training shuffle, so `npm run train:ner` is reproducible. */
export const TRAIN_SEED = 20240901
/** Folds for the jackknifed train gazetteer: each fold's features come from the other folds' entities. */
export const GAZETTEER_FOLDS = 10
/** Longest gazetteer entry matched, in tokens (longer CoNLL names are rare and already memorised). */
export const GAZETTEER_MAX_TOKENS = 6

/** Words of the embedding vocabulary (most frequent first) that get a cluster id. */
export const CLUSTER_VOCAB = 120_000
/** Fine k-means clusters over word vectors (stands in for Brown-cluster paths). */
export const CLUSTERS_FINE = 512
/** Each fine cluster is split again into this many (k-means inside it): a third, finest level. */
export const SUBCLUSTERS = 4
/** Coarse clusters, made by clustering the fine centroids. */
export const CLUSTERS_COARSE = 48
/** k-means iterations; assignments barely move after this. */
export const KMEANS_ITERATIONS = 12

/** Typographic characters mapped to the ASCII forms CoNLL uses (news text has curly quotes, CoNLL never). */
export const CHAR_NORMALISATION: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u00B4': "'", '\u0060': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2014': '-', '\u2012': '-', '\u2212': '-', '\u2010': '-', '\u2011': '-',
  '\u00A0': ' ', '\u2026': '...',
}
