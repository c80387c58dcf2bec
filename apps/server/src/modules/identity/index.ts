/** The identity module's door: what other modules and the app may use. */
export { AuthService } from './auth.service';
export { AppsService, newAppKey } from './apps.service';
export { authRoutes } from './auth.routes';
export { identityRoutes, contextOf } from './identity.routes';
export { departmentScope } from './departments.service';
export { builtinRoles } from './identity.permissions';
export { syncBuiltinRoles } from './roles.seed';
export { createUser } from './users.service';
export { createDepartment } from './departments.service';
export { usersRepository } from './users.repository';
export { departmentsRepository } from './departments.repository';
export type { RequestContext } from './identity.context';
