export { demandCategoriesModule } from './manifest.js';
export {
  findActiveCategoryByCode, findCategories, findCategoriesByCodes, findCategory, listActiveCategories, listCategories, toCategory, type CategoryRow,
} from './queries.js';
export type { CategoryTable } from './tables.js';
