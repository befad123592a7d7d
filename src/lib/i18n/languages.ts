/** The languages of the UI (a link's `lang`, the stored preference, the catalogues). */
export const LANGUAGES = ['en', 'zh'] as const
export type Language = (typeof LANGUAGES)[number]
