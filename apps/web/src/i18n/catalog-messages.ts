/** Chinese texts of the resource catalog: search, entry pages, the compile form, review and the systems registry. */
export const catalogZh = {
};

/** English texts of the resource catalog. */
export const catalogEn: Record<keyof typeof catalogZh, string> = {
};
