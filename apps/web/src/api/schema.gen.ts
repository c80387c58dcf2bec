/* Generated from apps/server/openapi.json by scripts/openapi-types.mjs (npm run openapi). Do not edit. */

export type paths = {
  '/gateway/v1/{classCode}/{sequence}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Call a shared resource (signed; see the description)
     * @description Serves a resource's rows to an application with a live grant. Sign the request as contracts §3
     *     says: headers X-Sy-Key, X-Sy-Timestamp (ms), X-Sy-Nonce, X-Sy-Signature (base64 HMAC-SM3 of the seven-line
     *     string to sign) and X-Sy-Signature-Method. The query parameters are the API's own: see
     *     /api/v1/exchange/apis/{id}/openapi.json. Only granted fields come back, masked as the grant says; every call,
     *     refused or not, is logged in the evidence log (its id is in X-Sy-Call-Id).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          classCode: string;
          sequence: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The process is alive */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The database is reachable and migrated */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ready' | 'not_ready';
              database: boolean;
              pendingMigrations: string[];
              engine: string;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ready' | 'not_ready';
              database: boolean;
              pendingMigrations: string[];
              engine: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in with login and password; starts a cookie session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['LoginRequestInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LoginResult'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End this session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End every session of the caller, on every device */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is logged in, with department, roles and permissions */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Me'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change the caller's password */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PasswordChangeInput'];
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's personal access tokens */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AccessToken'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a personal access token (shown once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AccessTokenCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              token: string;
              item: components['schemas']['AccessToken'];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a personal access token */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List departments (flat, ordered for a tree) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Department'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a department */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DepartmentCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Department'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/departments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a department */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Department'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete an empty department */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a department (optimistic version) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DepartmentUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Department'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List users visible to the caller */
    get: {
      parameters: {
        query?: {
          q?: string;
          departmentId?: string;
          role?: string;
          status?: 'active' | 'disabled';
          limit?: number;
          offset?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UserList'];
          };
        };
      };
    };
    put?: never;
    /** Create a user with an initial password */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UserCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UserWithPassword'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update a user (optimistic version) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UserUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/users/{id}/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reset a password to a new initial one */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UserWithPassword'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/unlock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Lift a lockout */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List roles */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Role'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a custom role */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RoleCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Role'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/permissions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List every permission */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['PermissionInfo'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/roles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete an unused custom role */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a role */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RoleUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Role'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/apps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List client applications visible to the caller */
    get: {
      parameters: {
        query?: {
          departmentId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ClientApp'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a client application with its first secret (shown once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ClientAppCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              app: components['schemas']['ClientApp'];
              secret: components['schemas']['NewAppSecret'];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/apps/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a client application */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ClientApp'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update a client application */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ClientAppUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ClientApp'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/apps/{id}/secrets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a secret (shown once; at most two active) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NewAppSecret'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/apps/{id}/secrets/{secretId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a secret */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          secretId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List data sources visible to the caller */
    get: {
      parameters: {
        query?: {
          departmentId?: string;
          kind?: components['schemas']['SourceKindInput'];
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['DataSource'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Register a data source (credentials are sealed) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DataSourceCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DataSource'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sources/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a data source */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DataSource'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a data source that nothing is mounted on */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a data source (optimistic version) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DataSourceUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DataSource'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/sources/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Test unsaved connection settings */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SourceTestRequestInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SourceTestResult'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sources/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Test a data source and record the result */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SourceTestResult'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sources/{id}/tables': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the tables and views of a source */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['SourceTable'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sources/{id}/tables/{table}/columns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the columns of a table (schema in the query where a source has several) */
    get: {
      parameters: {
        query?: {
          schema?: string;
        };
        header?: never;
        path: {
          id: string;
          table: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['SourceColumn'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sources/{id}/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Upload the CSV or XLSX file of a file source (multipart, field `file`) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DataSource'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List audit events, newest first */
    get: {
      parameters: {
        query?: {
          actor?: string;
          action?: string;
          outcome?: 'success' | 'failure';
          departmentId?: string;
          from?: unknown;
          to?: unknown;
          limit?: number;
          offset?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AuditEvent'][];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every action that occurs in the log */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: string[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/events.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the filtered audit log as CSV (UTF-8 with BOM) */
    get: {
      parameters: {
        query?: {
          actor?: string;
          action?: string;
          outcome?: 'success' | 'failure';
          departmentId?: string;
          from?: unknown;
          to?: unknown;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search and browse catalog entries with facets
     * @description Chinese full-text search over name, summary, data items, tags and department (prefix words, small typos tolerated), filters as comma-separated values, facet counts, highlighting. `scope=mine` lists the caller department subtree with drafts; `scope=review` the review queue.
     */
    get: {
      parameters: {
        query?: {
          q?: string;
          scope?: 'all' | 'mine' | 'review';
          departmentId?: string[];
          resourceAttribute?: ('base' | 'theme' | 'department')[];
          domain?: (
            | 'public_security'
            | 'civil_affairs'
            | 'human_resources'
            | 'natural_resources'
            | 'ecology'
            | 'housing'
            | 'transport'
            | 'agriculture'
            | 'commerce'
            | 'culture_tourism'
            | 'health'
            | 'emergency'
            | 'market_regulation'
            | 'finance_tax'
            | 'education'
            | 'science'
            | 'statistics'
            | 'justice'
            | 'business_environment'
            | 'credit'
            | 'other'
          )[];
          sharingType?: ('unconditional' | 'conditional' | 'none')[];
          openType?: ('unconditional' | 'conditional' | 'none')[];
          updateCycle?: ('realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other')[];
          formatClass?: ('document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other')[];
          mountStatus?: ('unmounted' | 'in_review' | 'returned' | 'mounted' | 'change_in_review')[];
          status?: ('draft' | 'submitted' | 'returned' | 'published' | 'change_review' | 'retire_review' | 'retired')[];
          facets?: 'true' | 'false';
          sort?: 'relevance' | 'updated' | 'applied' | 'name';
          limit?: number;
          offset?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogSearchResult'];
          };
        };
      };
    };
    put?: never;
    /** Compile a new entry (a draft) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CatalogEntryCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogEntry'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an entry */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogEntry'];
          };
        };
      };
    };
    /** Save an entry: a draft in place, a published entry as a pending change */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CatalogEntryUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogEntry'];
          };
        };
      };
    };
    post?: never;
    /** Delete a draft that was never published */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CatalogVersionBodyInput'];
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit a draft, or a pending change, for review */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CatalogVersionBodyInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogEntry'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take a submission, change or retirement back out of review */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CatalogVersionBodyInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogEntry'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{id}/discard-change': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Drop a published entry's pending change */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CatalogVersionBodyInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogEntry'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{id}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask for a published entry to be retired (下线) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CatalogRetireBodyInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogEntry'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{id}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve (publish, apply the change, retire) or return what is in review */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CatalogReviewBodyInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogEntry'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{id}/request-update': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask the department to update a published entry after a change in its duties (due in 10 working days) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CatalogUpdateRequestInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogEntry'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Catalog figures: entries by status, review and update deadlines met and overdue */
    get: {
      parameters: {
        query?: {
          scope?: 'all' | 'mine';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogStats'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An entry's lifecycle, step by step */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CatalogTimelineEvent'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Published versions of an entry, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CatalogEntryVersion'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{id}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Differences between two versions (revision numbers, `current` or `pending`) */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              from: string;
              to: string;
              changes: components['schemas']['CatalogFieldChange'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The feed of published changes (publish, change, retire) after a position
     * @description Follow it by passing the `next` of one answer as `since` of the next request.
     */
    get: {
      parameters: {
        query?: {
          since?: number;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogChangeFeed'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{id}/mounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Resources mounted to an entry (挂接) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CatalogMount'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Request a mount; refused with MOUNT_INCOMPLETE when the resource does not cover the data items */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CatalogMountCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogMount'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/entries/{id}/mounts/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Compare a resource's columns with the entry's data items (missing, extra, type mismatch) without writing */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CatalogMountCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogMountPreview'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/mounts/{id}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve or return a requested mount */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CatalogMountReviewInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogMount'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/mounts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Take a mount off its entry */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CatalogVersionBodyInput'];
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/systems': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List information systems (政务信息系统) */
    get: {
      parameters: {
        query?: {
          q?: string;
          departmentId?: string;
          status?: 'planned' | 'building' | 'running' | 'retired';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['InfoSystem'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Register an information system */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['InfoSystemCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InfoSystem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/systems/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an information system */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InfoSystem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete an information system no entry links */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Update an information system */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['InfoSystemUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InfoSystem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/catalog/systems/{id}/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Published entries linked to a system */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                status: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/template.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download the compilation template (编制模板) with its drop-downs and guide */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import a filled template at once (multipart, field `file`): every entry as a draft, or nothing
     * @description Every row is checked first; any problem answers 400 IMPORT_INVALID with `details.errors` [{sheet, row, column, reason, kind}] and nothing is written. Larger files: POST /catalog/imports. The size limit (SHUYUAN_IMPORT_MAX_MB) answers 413.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogImportResult'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's latest import jobs (without their errors) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CatalogImportJob'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Queue an import job for a filled template (multipart, field `file`); follow it with GET /catalog/imports/{id} */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogImportJob'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An import job: its progress, and every error once it failed */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CatalogImportJob'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog/export.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the entries GET /catalog/entries lists with the same filters (all of them) as the template */
    get: {
      parameters: {
        query?: {
          q?: string;
          scope?: 'all' | 'mine' | 'review';
          departmentId?: string[];
          resourceAttribute?: ('base' | 'theme' | 'department')[];
          domain?: (
            | 'public_security'
            | 'civil_affairs'
            | 'human_resources'
            | 'natural_resources'
            | 'ecology'
            | 'housing'
            | 'transport'
            | 'agriculture'
            | 'commerce'
            | 'culture_tourism'
            | 'health'
            | 'emergency'
            | 'market_regulation'
            | 'finance_tax'
            | 'education'
            | 'science'
            | 'statistics'
            | 'justice'
            | 'business_environment'
            | 'credit'
            | 'other'
          )[];
          sharingType?: ('unconditional' | 'conditional' | 'none')[];
          openType?: ('unconditional' | 'conditional' | 'none')[];
          updateCycle?: ('realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other')[];
          formatClass?: ('document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other')[];
          mountStatus?: ('unmounted' | 'in_review' | 'returned' | 'mounted' | 'change_in_review')[];
          status?: ('draft' | 'submitted' | 'returned' | 'published' | 'change_review' | 'retire_review' | 'retired')[];
          sort?: 'relevance' | 'updated' | 'applied' | 'name';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cascade/nodes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Nodes of the cascade with their status: queue, lag, last error */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CascadeNode'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Register an upper or lower node and the key of the link */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CascadeNodeCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CascadeNode'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cascade/nodes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One node of the cascade */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CascadeNode'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a node's address, enable or disable it, rotate the link secret */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CascadeNodeUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CascadeNode'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/cascade/nodes/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a node's queued changes now instead of after the backoff */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CascadeNode'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cascade/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Receive catalog changes from another node (signed: X-Sy-Key … with the link secret, HMAC-SM3) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applied: number;
              skipped: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/evidence/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The Merkle tree of the evidence log: size, root, queue, latest checkpoint, signing key */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EvidenceStatus'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/evidence/checkpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Signed checkpoints, largest tree first */
    get: {
      parameters: {
        query?: {
          from?: number;
          to?: number;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['EvidenceCheckpoint'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Sequence what is queued and sign a checkpoint of the tree now */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EvidenceCheckpoint'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/evidence/leaves/{index}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An entry of the log with its inclusion proof in a tree (the latest checkpoint by default) */
    get: {
      parameters: {
        query?: {
          treeSize?: number;
        };
        header?: never;
        path: {
          index: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EvidenceInclusion'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/evidence/consistency': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The consistency proof between two tree sizes (RFC 9162) */
    get: {
      parameters: {
        query: {
          from: number;
          to: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EvidenceConsistency'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/evidence/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A segment of the log with its checkpoints, frontier and keys, for `shuyuan audit verify` (to: the latest checkpoint by default) */
    get: {
      parameters: {
        query?: {
          from?: number;
          to?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tables the upper node's return flows filled on this node, with rows and last arrival */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ReturnedTable'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cascade/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Receive a batch of an upper node's return flow (signed with the cascade link's secret, HMAC-SM3) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              stored: number;
              deleted: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/files/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's departments' unfinished uploads of an entry (to resume from any browser) */
    get: {
      parameters: {
        query: {
          entryId: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['FileUploadSummary'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Start a chunked upload of a new version of one of the department's files (SM3 of the whole file declared) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['FileUploadCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FileUpload'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/files/{id}/links': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A version's download links with their downloads (all for the provider, the department's own for a grantee) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['FileLinkSummary'][];
            };
          };
        };
      };
    };
    put?: never;
    /** An expiring download link for a version (the provider, or a grantee of a live file grant); audited */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['FileLinkCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FileLink'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/files/{id}/evidence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A version's evidence: its upload's and downloads' leaves with inclusion proofs, in log order
     * @description The provider sees every transfer of the version; a grantee its upload and its own departments' downloads. `queued` transfers are not sequenced into the log yet (within seconds).
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EvidenceProvenLeaves'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/files/uploads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An upload: which chunks arrived, which are missing (to resume) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FileUpload'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Abandon an unfinished upload: its chunks are removed, it is kept as abandoned and audited; again answers 204 and records nothing */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/files/uploads/{id}/chunks/{index}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Send one chunk (application/octet-stream) with its SM3 in the x-sm3 header; a tampered chunk is refused */
    put: {
      parameters: {
        query?: never;
        header?: {
          'x-sm3'?: string;
        };
        path: {
          id: string;
          index: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FileChunkReceipt'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/files/uploads/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Join the chunks, check the file's SM3, and publish it as the entry's next version */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ExchangeFile'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An entry's file versions: for its provider and for departments holding a live file grant */
    get: {
      parameters: {
        query: {
          entryId: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ExchangeFile'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/files/links/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Withdraw a download link at once (the provider, or any member of the link's department while it holds a live file grant); again answers 204 */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/files/download/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download through a link (Range requests resume a download); 410 LINK_EXPIRED once it has expired */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/apis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Gateway APIs served now, or (mine=true) the caller's departments' own */
    get: {
      parameters: {
        query?: {
          /** @description true: the APIs of the caller's departments, also those not served now */
          mine?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ExchangeApi'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Declare the gateway API of one of the department's published entries */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ExchangeApiCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ExchangeApi'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/apis/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A gateway API */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ExchangeApi'];
          };
        };
      };
    };
    /** Change, disable or enable a gateway API */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ExchangeApiUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ExchangeApi'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/apis/{id}/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The API's own OpenAPI 3.1 description, for consumers' code generators */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/apis/{id}/samples': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Signing samples: curl, TypeScript, Java and Python */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiSamples'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/grants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Grants the caller's departments hold (consumer) or give (provider) */
    get: {
      parameters: {
        query?: {
          role?: 'consumer' | 'provider';
          status?: 'active' | 'revoked';
          entryId?: string;
          appId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Grant'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Grant a consumer application fields of a resource, masked, filtered and with quotas */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['GrantCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Grant'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/grants/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A grant */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Grant'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/grants/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a grant; it stops at once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['GrantRevokeInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Grant'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/calls': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The gateway's call log (refused calls too), newest first */
    get: {
      parameters: {
        query?: {
          role?: 'consumer' | 'provider';
          grantId?: string;
          apiId?: string;
          appId?: string;
          outcome?: 'ok' | 'refused';
          code?: string;
          from?: string;
          to?: string;
          limit?: number;
          before?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['GatewayCall'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/calls/{id}/proof': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A call's evidence: its leaf, inclusion proof and signed checkpoint (null until the next checkpoint covers it) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EvidenceInclusion'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Calls per day, refusals by code and latency percentiles */
    get: {
      parameters: {
        query?: {
          role?: 'consumer' | 'provider';
          grantId?: string;
          apiId?: string;
          appId?: string;
          days?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CallStats'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bureau's exchange overview: volumes per department and method, today's counter */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ExchangeOverview'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Table jobs the caller's departments own or whose resources they provide: aggregation and distribution */
    get: {
      parameters: {
        query?: {
          kind?: 'aggregate' | 'distribute' | 'return';
          role?: 'owner' | 'provider';
          entryId?: string;
          grantId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ExchangeJob'][];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a table job: aggregate a mounted source table into the department's store, or distribute a table grant into the consumer's database */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ExchangeJobCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ExchangeJob'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A table job with its last run */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ExchangeJob'];
          };
        };
      };
    };
    /** Change a job's schedule or batch size, pause or resume it, or accept its source's changed columns */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ExchangeJobUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ExchangeJob'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/jobs/{id}/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run a job now (409 while a run is queued or running) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ExchangeRun'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/jobs/{id}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A job's run history, newest first: rows read, written and deleted, duration, errors */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ExchangeRun'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange/jobs/{id}/runs/{runId}/evidence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A run's evidence: each batch's leaf with its inclusion proof and signed checkpoint, in log order
     * @description Every batch of a run (rows read, written, deleted, with digests) is a leaf of the evidence log. `queued` batches are not sequenced into the log yet (within seconds); `more` says the run has more leaves than `limit`.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
          runId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EvidenceProvenLeaves'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    CatalogItemInputInput: {
      name: string;
      nameEn?: string | null;
      /** @enum {string} */
      dataType: 'char' | 'int' | 'decimal' | 'date' | 'datetime' | 'time' | 'bool' | 'text' | 'binary' | 'other';
      length?: number | null;
      precision?: number | null;
      description?: string | null;
      /** @default false */
      primaryKey: boolean;
      /** @default false */
      timestamp: boolean;
      /** @default false */
      sensitive: boolean;
    };
    ExchangeApiCreateInput: {
      /** Format: uuid */
      entryId: string;
      /** @enum {string} */
      access: 'logical' | 'physical' | 'forward';
      /** @default null */
      sourceId: string | null;
      resourceName: string;
      fields: {
        name: string;
        column: string;
        label: string;
        /**
         * @default text
         * @enum {string}
         */
        type: 'text' | 'int' | 'decimal' | 'date' | 'datetime' | 'bool';
        /** @default false */
        sensitive: boolean;
        /** @default null */
        mask:
          | (
              | 'none'
              | 'redact'
              | 'show_last_4'
              | 'show_first_4'
              | 'hash'
              | 'null'
              | 'date_show_year'
              | 'name'
              | 'id_card_6_4'
              | 'id_card_1_1'
              | 'mobile'
              | 'landline'
              | 'address'
              | 'bank_card'
              | 'email'
              | 'plate'
            )
          | null;
      }[];
      /** @default [] */
      params: {
        name: string;
        field: string;
        /** @enum {string} */
        op: 'eq' | 'gte' | 'lte' | 'prefix';
        /**
         * @default text
         * @enum {string}
         */
        format: 'text' | 'int' | 'date' | 'id_card' | 'uscc' | 'division';
        /** @default false */
        required: boolean;
        label: string;
        /** @default null */
        example: string | null;
      }[];
      keyField: string;
      /** @default 100 */
      pageSizeMax: number;
      /** @default 5000 */
      timeoutMs: number;
    };
    GrantCreateInput: {
      /** Format: uuid */
      entryId: string;
      /** Format: uuid */
      consumerDepartmentId: string;
      /** @default null */
      appId: string | null;
      /** @enum {string} */
      method: 'api' | 'table' | 'file';
      fields: string[];
      /** @default [] */
      rowFilter: {
        field: string;
        /** @enum {string} */
        op: 'eq' | 'gte' | 'lte' | 'prefix' | 'in';
        value: string | number | (string | number)[];
      }[];
      /** @default {} */
      masks: {
        [key: string]:
          | 'none'
          | 'redact'
          | 'show_last_4'
          | 'show_first_4'
          | 'hash'
          | 'null'
          | 'date_show_year'
          | 'name'
          | 'id_card_6_4'
          | 'id_card_1_1'
          | 'mobile'
          | 'landline'
          | 'address'
          | 'bank_card'
          | 'email'
          | 'plate';
      };
      purpose: string;
      /** Format: date-time */
      validFrom: string;
      /** Format: date-time */
      validTo: string;
      /** @default null */
      callsPerDay: number | null;
      /** @default null */
      callsPerSecond: number | null;
    };
    ExchangeJobCreateInput:
      | {
          /** @constant */
          kind: 'aggregate';
          /** Format: uuid */
          mountId: string;
          keyColumn: string;
          columns?: string[];
          /** @default null */
          watermarkColumn: string | null;
          targetTable?: string;
          name?: string;
          /**
           * @default full
           * @enum {string}
           */
          mode: 'full' | 'incremental';
          /**
           * @default manual
           * @enum {string}
           */
          schedule: 'manual' | 'cycle' | 'cron';
          /** @default null */
          cron: string | null;
          /** @default true */
          detectDeletes: boolean;
          /** @default 20000 */
          batchSize: number;
        }
      | {
          /** @constant */
          kind: 'distribute';
          /** Format: uuid */
          grantId: string;
          /** Format: uuid */
          targetSourceId: string;
          targetTable: string;
          name?: string;
          /**
           * @default full
           * @enum {string}
           */
          mode: 'full' | 'incremental';
          /**
           * @default manual
           * @enum {string}
           */
          schedule: 'manual' | 'cycle' | 'cron';
          /** @default null */
          cron: string | null;
          /** @default true */
          detectDeletes: boolean;
          /** @default 20000 */
          batchSize: number;
        }
      | {
          /** @constant */
          kind: 'return';
          /** Format: uuid */
          entryId: string;
          /** Format: uuid */
          nodeId: string;
          regionColumn: string;
          regionPrefix?: string;
          name?: string;
          /**
           * @default manual
           * @enum {string}
           */
          schedule: 'manual' | 'cycle' | 'cron';
          /** @default null */
          cron: string | null;
          /** @default 20000 */
          batchSize: number;
        };
    ExchangeJobUpdateInput: {
      version: number;
      name?: string;
      /** @enum {string} */
      schedule?: 'manual' | 'cycle' | 'cron';
      cron?: string | null;
      detectDeletes?: boolean;
      batchSize?: number;
      /** @enum {string} */
      status?: 'active' | 'paused';
      acceptDrift?: boolean;
    };
    FileUploadCreateInput: {
      /** Format: uuid */
      entryId: string;
      fileName: string;
      /** @default application/octet-stream */
      mediaType: string;
      size: number;
      sm3: string;
      /** @default 8388608 */
      chunkSize: number;
      /** @default  */
      note: string;
    };
    FileLinkCreateInput: {
      /** @default 1440 */
      expiresInMinutes: number;
      /** @default null */
      maxDownloads: number | null;
    };
    AppSecretInfoInput: {
      /** Format: uuid */
      id: string;
      hint: string;
      createdAt: unknown;
      revokedAt: unknown | null;
    };
    ClientAppInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      name: string;
      appKey: string;
      description: string;
      /** @enum {string} */
      status: 'active' | 'disabled';
      secrets: components['schemas']['AppSecretInfoInput'][];
      version: number;
      createdAt: unknown;
      updatedAt: unknown;
    };
    NewAppSecretInput: {
      /** Format: uuid */
      id: string;
      secret: string;
      hint: string;
      createdAt: unknown;
    };
    ClientAppCreateInput: {
      /** Format: uuid */
      departmentId: string;
      name: string;
      description?: string;
    };
    ClientAppUpdateInput: {
      name?: string;
      description?: string;
      /** @enum {string} */
      status?: 'active' | 'disabled';
      version: number;
    };
    DepartmentInput: {
      /** Format: uuid */
      id: string;
      parentId: string | null;
      name: string;
      shortName: string | null;
      /** @enum {string} */
      level: 'province' | 'city' | 'county';
      divisionCode: string;
      agencyCode: string;
      sortOrder: number;
      version: number;
      createdAt: unknown;
      updatedAt: unknown;
    };
    DepartmentCreateInput: {
      parentId?: string | null;
      name: string;
      shortName?: string | null;
      /** @enum {string} */
      level: 'province' | 'city' | 'county';
      divisionCode: string;
      agencyCode: string;
      sortOrder?: number;
    };
    DepartmentUpdateInput: {
      parentId?: string | null;
      name?: string;
      shortName?: string | null;
      /** @enum {string} */
      level?: 'province' | 'city' | 'county';
      divisionCode?: string;
      agencyCode?: string;
      sortOrder?: number;
      version: number;
    };
    RoleInput: {
      /** Format: uuid */
      id: string;
      code: string;
      nameZh: string;
      nameEn: string;
      description: string;
      builtin: boolean;
      permissions: string[];
      userCount: number;
      version: number;
    };
    RoleCreateInput: {
      code: string;
      nameZh: string;
      nameEn: string;
      description?: string;
      permissions: string[];
    };
    RoleUpdateInput: {
      nameZh?: string;
      nameEn?: string;
      description?: string;
      permissions?: string[];
      version: number;
    };
    PermissionInfoInput: {
      name: string;
      descriptionZh: string;
      descriptionEn: string;
    };
    UserInput: {
      /** Format: uuid */
      id: string;
      login: string;
      displayName: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      phone: string | null;
      email: string | null;
      /** @enum {string} */
      status: 'active' | 'disabled';
      roles: string[];
      mustChangePassword: boolean;
      lockedUntil: unknown | null;
      lastLoginAt: unknown | null;
      version: number;
      createdAt: unknown;
      updatedAt: unknown;
    };
    UserListInput: {
      items: components['schemas']['UserInput'][];
      total: number;
    };
    UserCreateInput: {
      login: string;
      displayName: string;
      /** Format: uuid */
      departmentId: string;
      phone?: string | null;
      email?: string | null;
      /** @default [] */
      roles: string[];
      initialPassword?: string;
    };
    UserUpdateInput: {
      displayName?: string;
      /** Format: uuid */
      departmentId?: string;
      phone?: string | null;
      email?: string | null;
      roles?: string[];
      /** @enum {string} */
      status?: 'active' | 'disabled';
      version: number;
    };
    UserWithPasswordInput: {
      user: components['schemas']['UserInput'];
      initialPassword: string;
    };
    AccessTokenInput: {
      /** Format: uuid */
      id: string;
      name: string;
      tokenPrefix: string;
      permissions: string[];
      createdAt: unknown;
      expiresAt: unknown | null;
      lastUsedAt: unknown | null;
      revokedAt: unknown | null;
    };
    AccessTokenCreateInput: {
      name: string;
      permissions?: string[];
      expiresInDays?: number;
    };
    LoginRequestInput: {
      login: string;
      password: string;
    };
    LoginResultInput: {
      user: components['schemas']['UserInput'];
      mustChangePassword: boolean;
      csrfToken: string;
      expiresAt: unknown;
    };
    MeInput: {
      user: components['schemas']['UserInput'];
      roles: string[];
      permissions: string[];
      csrfToken: string | null;
      /** @enum {string} */
      via: 'session' | 'token';
    };
    PasswordChangeInput: {
      currentPassword: string;
      newPassword: string;
    };
    AuditEventInput: {
      id: number;
      occurredAt: unknown;
      actorUserId: string | null;
      actorLogin: string | null;
      actorDepartmentId: string | null;
      actorDepartmentName: string | null;
      action: string;
      /** @enum {string} */
      outcome: 'success' | 'failure';
      targetType: string | null;
      targetId: string | null;
      targetLabel: string | null;
      ip: string | null;
      details: {
        [key: string]: unknown;
      };
    };
    EvidenceCheckpointInput: {
      treeSize: number;
      root: string;
      signedAt: unknown;
      keyId: string;
      /** @description The checkpoint text exactly as signed */
      body: string;
      /** @description SM2 signature of `body` (user ID 1234567812345678), DER as hex */
      signature: string;
    };
    EvidenceStatusInput: {
      treeSize: number;
      root: string;
      updatedAt: unknown;
      /** @description Entries waiting for the sequencer */
      queued: number;
      latestCheckpoint: components['schemas']['EvidenceCheckpointInput'] | null;
      /** @constant */
      hash: 'sm3';
      /** @description The node's SM2 public key (uncompressed, hex) that signs checkpoints */
      publicKey: string;
      keyId: string;
    };
    EvidenceInclusionInput: {
      index: number;
      kind: string;
      /** @description The entry exactly as hashed (canonical JSON): leaf hash = SM3(0x00 ‖ entry) */
      entry: string;
      leafHash: string;
      sequencedAt: unknown;
      treeSize: number;
      root: string;
      /** @description RFC 9162 inclusion proof, from the leaf up */
      proof: string[];
      /** @description The signed checkpoint of `treeSize`, when there is one */
      checkpoint: components['schemas']['EvidenceCheckpointInput'] | null;
    };
    EvidenceProvenLeavesInput: {
      items: components['schemas']['EvidenceInclusionInput'][];
      /** @description Entries not sequenced into the log yet (within seconds) */
      queued: number;
      /** @description There are more leaves than `limit` */
      more: boolean;
    };
    EvidenceConsistencyInput: {
      from: number;
      to: number;
      fromRoot: string;
      toRoot: string;
      proof: string[];
    };
    CatalogEntryContentInput: {
      name: string;
      summary: string;
      /** @enum {string} */
      resourceAttribute: 'base' | 'theme' | 'department';
      /** @enum {string} */
      domain:
        | 'public_security'
        | 'civil_affairs'
        | 'human_resources'
        | 'natural_resources'
        | 'ecology'
        | 'housing'
        | 'transport'
        | 'agriculture'
        | 'commerce'
        | 'culture_tourism'
        | 'health'
        | 'emergency'
        | 'market_regulation'
        | 'finance_tax'
        | 'education'
        | 'science'
        | 'statistics'
        | 'justice'
        | 'business_environment'
        | 'credit'
        | 'other';
      classItem: string;
      classTopic: string;
      /** @enum {string} */
      dataLevel: 'national' | 'province' | 'city' | 'county';
      /** @enum {string} */
      areaRange: 'national' | 'province_wide' | 'each_city' | 'city_wide' | 'each_county' | 'county_wide' | 'other';
      /** @enum {string} */
      processingDegree: 'raw' | 'masked' | 'tagged' | 'statistical' | 'fused' | 'other';
      /** @enum {string} */
      channel: 'gov_extranet' | 'internet' | 'department_network';
      /** @enum {string} */
      scenario: 'government_service' | 'public_service' | 'supervision' | 'other';
      /** @enum {string} */
      formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
      formatType: string;
      /** @enum {string} */
      sharingType: 'unconditional' | 'conditional' | 'none';
      sharingCondition?: string | null;
      sharingMethods: ('table' | 'api' | 'file')[];
      /** @enum {string} */
      openType: 'unconditional' | 'conditional' | 'none';
      openCondition?: string | null;
      /** @enum {string} */
      updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
      updateCycleNote?: string | null;
      /** @default [] */
      relatedCodes: string[];
      /** @default false */
      eLicence: boolean;
      timeRangeFrom?: string | null;
      timeRangeTo?: string | null;
      /** @default [] */
      tags: string[];
      /** @default [] */
      systemIds: string[];
      items: components['schemas']['CatalogItemInputInput'][];
    };
    CatalogEntryCreateInput: {
      name: string;
      summary: string;
      /** @enum {string} */
      resourceAttribute: 'base' | 'theme' | 'department';
      /** @enum {string} */
      domain:
        | 'public_security'
        | 'civil_affairs'
        | 'human_resources'
        | 'natural_resources'
        | 'ecology'
        | 'housing'
        | 'transport'
        | 'agriculture'
        | 'commerce'
        | 'culture_tourism'
        | 'health'
        | 'emergency'
        | 'market_regulation'
        | 'finance_tax'
        | 'education'
        | 'science'
        | 'statistics'
        | 'justice'
        | 'business_environment'
        | 'credit'
        | 'other';
      classItem: string;
      classTopic: string;
      /** @enum {string} */
      dataLevel: 'national' | 'province' | 'city' | 'county';
      /** @enum {string} */
      areaRange: 'national' | 'province_wide' | 'each_city' | 'city_wide' | 'each_county' | 'county_wide' | 'other';
      /** @enum {string} */
      processingDegree: 'raw' | 'masked' | 'tagged' | 'statistical' | 'fused' | 'other';
      /** @enum {string} */
      channel: 'gov_extranet' | 'internet' | 'department_network';
      /** @enum {string} */
      scenario: 'government_service' | 'public_service' | 'supervision' | 'other';
      /** @enum {string} */
      formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
      formatType: string;
      /** @enum {string} */
      sharingType: 'unconditional' | 'conditional' | 'none';
      sharingCondition?: string | null;
      sharingMethods: ('table' | 'api' | 'file')[];
      /** @enum {string} */
      openType: 'unconditional' | 'conditional' | 'none';
      openCondition?: string | null;
      /** @enum {string} */
      updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
      updateCycleNote?: string | null;
      /** @default [] */
      relatedCodes: string[];
      /** @default false */
      eLicence: boolean;
      timeRangeFrom?: string | null;
      timeRangeTo?: string | null;
      /** @default [] */
      tags: string[];
      /** @default [] */
      systemIds: string[];
      items: components['schemas']['CatalogItemInputInput'][];
      /** Format: uuid */
      departmentId?: string;
    };
    CatalogEntryUpdateInput: {
      content: {
        name: string;
        summary: string;
        /** @enum {string} */
        resourceAttribute: 'base' | 'theme' | 'department';
        /** @enum {string} */
        domain:
          | 'public_security'
          | 'civil_affairs'
          | 'human_resources'
          | 'natural_resources'
          | 'ecology'
          | 'housing'
          | 'transport'
          | 'agriculture'
          | 'commerce'
          | 'culture_tourism'
          | 'health'
          | 'emergency'
          | 'market_regulation'
          | 'finance_tax'
          | 'education'
          | 'science'
          | 'statistics'
          | 'justice'
          | 'business_environment'
          | 'credit'
          | 'other';
        classItem: string;
        classTopic: string;
        /** @enum {string} */
        dataLevel: 'national' | 'province' | 'city' | 'county';
        /** @enum {string} */
        areaRange: 'national' | 'province_wide' | 'each_city' | 'city_wide' | 'each_county' | 'county_wide' | 'other';
        /** @enum {string} */
        processingDegree: 'raw' | 'masked' | 'tagged' | 'statistical' | 'fused' | 'other';
        /** @enum {string} */
        channel: 'gov_extranet' | 'internet' | 'department_network';
        /** @enum {string} */
        scenario: 'government_service' | 'public_service' | 'supervision' | 'other';
        /** @enum {string} */
        formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
        formatType: string;
        /** @enum {string} */
        sharingType: 'unconditional' | 'conditional' | 'none';
        sharingCondition?: string | null;
        sharingMethods: ('table' | 'api' | 'file')[];
        /** @enum {string} */
        openType: 'unconditional' | 'conditional' | 'none';
        openCondition?: string | null;
        /** @enum {string} */
        updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
        updateCycleNote?: string | null;
        /** @default [] */
        relatedCodes: string[];
        /** @default false */
        eLicence: boolean;
        timeRangeFrom?: string | null;
        timeRangeTo?: string | null;
        /** @default [] */
        tags: string[];
        /** @default [] */
        systemIds: string[];
        items: components['schemas']['CatalogItemInputInput'][];
      };
      version: number;
    };
    CatalogVersionBodyInput: {
      version: number;
    };
    CatalogReviewBodyInput: {
      /** @enum {string} */
      decision: 'approve' | 'return';
      comment?: string;
      version: number;
    };
    CatalogRetireBodyInput: {
      reason: string;
      version: number;
    };
    CatalogEntrySummaryInput: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
      summary: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      /** @enum {string} */
      status: 'draft' | 'submitted' | 'returned' | 'published' | 'change_review' | 'retire_review' | 'retired';
      /** @enum {string} */
      mountStatus: 'unmounted' | 'in_review' | 'returned' | 'mounted' | 'change_in_review';
      /** @enum {string} */
      resourceAttribute: 'base' | 'theme' | 'department';
      /** @enum {string} */
      domain:
        | 'public_security'
        | 'civil_affairs'
        | 'human_resources'
        | 'natural_resources'
        | 'ecology'
        | 'housing'
        | 'transport'
        | 'agriculture'
        | 'commerce'
        | 'culture_tourism'
        | 'health'
        | 'emergency'
        | 'market_regulation'
        | 'finance_tax'
        | 'education'
        | 'science'
        | 'statistics'
        | 'justice'
        | 'business_environment'
        | 'credit'
        | 'other';
      /** @enum {string} */
      sharingType: 'unconditional' | 'conditional' | 'none';
      sharingMethods: string[];
      /** @enum {string} */
      openType: 'unconditional' | 'conditional' | 'none';
      /** @enum {string} */
      updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
      /** @enum {string} */
      formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
      tags: string[];
      itemCount: number;
      applyCount: number;
      revision: number;
      version: number;
      hasPendingChange: boolean;
      regionCode: string | null;
      mirrored: boolean;
      complete: boolean;
      updatedAt: unknown;
      publishedAt: unknown | null;
      submittedAt: unknown | null;
      reviewDue: string | null;
      reviewOverdue: boolean;
      updateDue: string | null;
      updateOverdue: boolean;
      highlight?: {
        name: {
          text: string;
          match: boolean;
        }[];
        summary: {
          text: string;
          match: boolean;
        }[];
      };
    };
    CatalogEntryInput: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
      summary: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      /** @enum {string} */
      status: 'draft' | 'submitted' | 'returned' | 'published' | 'change_review' | 'retire_review' | 'retired';
      /** @enum {string} */
      mountStatus: 'unmounted' | 'in_review' | 'returned' | 'mounted' | 'change_in_review';
      /** @enum {string} */
      resourceAttribute: 'base' | 'theme' | 'department';
      /** @enum {string} */
      domain:
        | 'public_security'
        | 'civil_affairs'
        | 'human_resources'
        | 'natural_resources'
        | 'ecology'
        | 'housing'
        | 'transport'
        | 'agriculture'
        | 'commerce'
        | 'culture_tourism'
        | 'health'
        | 'emergency'
        | 'market_regulation'
        | 'finance_tax'
        | 'education'
        | 'science'
        | 'statistics'
        | 'justice'
        | 'business_environment'
        | 'credit'
        | 'other';
      /** @enum {string} */
      sharingType: 'unconditional' | 'conditional' | 'none';
      sharingMethods: string[];
      /** @enum {string} */
      openType: 'unconditional' | 'conditional' | 'none';
      /** @enum {string} */
      updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
      /** @enum {string} */
      formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
      tags: string[];
      itemCount: number;
      applyCount: number;
      revision: number;
      version: number;
      hasPendingChange: boolean;
      regionCode: string | null;
      mirrored: boolean;
      complete: boolean;
      updatedAt: unknown;
      publishedAt: unknown | null;
      submittedAt: unknown | null;
      reviewDue: string | null;
      reviewOverdue: boolean;
      updateDue: string | null;
      updateOverdue: boolean;
      highlight?: {
        name: {
          text: string;
          match: boolean;
        }[];
        summary: {
          text: string;
          match: boolean;
        }[];
      };
      content: {
        name: string;
        summary: string;
        /** @enum {string} */
        resourceAttribute: 'base' | 'theme' | 'department';
        /** @enum {string} */
        domain:
          | 'public_security'
          | 'civil_affairs'
          | 'human_resources'
          | 'natural_resources'
          | 'ecology'
          | 'housing'
          | 'transport'
          | 'agriculture'
          | 'commerce'
          | 'culture_tourism'
          | 'health'
          | 'emergency'
          | 'market_regulation'
          | 'finance_tax'
          | 'education'
          | 'science'
          | 'statistics'
          | 'justice'
          | 'business_environment'
          | 'credit'
          | 'other';
        classItem: string;
        classTopic: string;
        /** @enum {string} */
        dataLevel: 'national' | 'province' | 'city' | 'county';
        /** @enum {string} */
        areaRange: 'national' | 'province_wide' | 'each_city' | 'city_wide' | 'each_county' | 'county_wide' | 'other';
        /** @enum {string} */
        processingDegree: 'raw' | 'masked' | 'tagged' | 'statistical' | 'fused' | 'other';
        /** @enum {string} */
        channel: 'gov_extranet' | 'internet' | 'department_network';
        /** @enum {string} */
        scenario: 'government_service' | 'public_service' | 'supervision' | 'other';
        /** @enum {string} */
        formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
        formatType: string;
        /** @enum {string} */
        sharingType: 'unconditional' | 'conditional' | 'none';
        sharingCondition?: string | null;
        sharingMethods: ('table' | 'api' | 'file')[];
        /** @enum {string} */
        openType: 'unconditional' | 'conditional' | 'none';
        openCondition?: string | null;
        /** @enum {string} */
        updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
        updateCycleNote?: string | null;
        /** @default [] */
        relatedCodes: string[];
        /** @default false */
        eLicence: boolean;
        timeRangeFrom?: string | null;
        timeRangeTo?: string | null;
        /** @default [] */
        tags: string[];
        /** @default [] */
        systemIds: string[];
        items: components['schemas']['CatalogItemInputInput'][];
      };
      pending: {
        name: string;
        summary: string;
        /** @enum {string} */
        resourceAttribute: 'base' | 'theme' | 'department';
        /** @enum {string} */
        domain:
          | 'public_security'
          | 'civil_affairs'
          | 'human_resources'
          | 'natural_resources'
          | 'ecology'
          | 'housing'
          | 'transport'
          | 'agriculture'
          | 'commerce'
          | 'culture_tourism'
          | 'health'
          | 'emergency'
          | 'market_regulation'
          | 'finance_tax'
          | 'education'
          | 'science'
          | 'statistics'
          | 'justice'
          | 'business_environment'
          | 'credit'
          | 'other';
        classItem: string;
        classTopic: string;
        /** @enum {string} */
        dataLevel: 'national' | 'province' | 'city' | 'county';
        /** @enum {string} */
        areaRange: 'national' | 'province_wide' | 'each_city' | 'city_wide' | 'each_county' | 'county_wide' | 'other';
        /** @enum {string} */
        processingDegree: 'raw' | 'masked' | 'tagged' | 'statistical' | 'fused' | 'other';
        /** @enum {string} */
        channel: 'gov_extranet' | 'internet' | 'department_network';
        /** @enum {string} */
        scenario: 'government_service' | 'public_service' | 'supervision' | 'other';
        /** @enum {string} */
        formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
        formatType: string;
        /** @enum {string} */
        sharingType: 'unconditional' | 'conditional' | 'none';
        sharingCondition?: string | null;
        sharingMethods: ('table' | 'api' | 'file')[];
        /** @enum {string} */
        openType: 'unconditional' | 'conditional' | 'none';
        openCondition?: string | null;
        /** @enum {string} */
        updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
        updateCycleNote?: string | null;
        /** @default [] */
        relatedCodes: string[];
        /** @default false */
        eLicence: boolean;
        timeRangeFrom?: string | null;
        timeRangeTo?: string | null;
        /** @default [] */
        tags: string[];
        /** @default [] */
        systemIds: string[];
        items: components['schemas']['CatalogItemInputInput'][];
      } | null;
      systems: {
        /** Format: uuid */
        id: string;
        name: string;
        departmentName: string;
      }[];
      createdAt: unknown;
      updateRequestReason: string | null;
      actions: ('edit' | 'submit' | 'withdraw' | 'delete' | 'review' | 'retire' | 'discard_change' | 'request_update')[];
    };
    CatalogSearchResultInput: {
      items: components['schemas']['CatalogEntrySummaryInput'][];
      total: number;
      facets: {
        [key: string]: {
          value: string;
          label?: string;
          count: number;
        }[];
      };
    };
    CatalogTimelineEventInput: {
      id: number;
      action: string;
      fromStatus: string | null;
      toStatus: string | null;
      actorName: string;
      comment: string | null;
      at: unknown;
    };
    CatalogEntryVersionInput: {
      revision: number;
      publishedAt: unknown;
      publishedBy: string | null;
      content: {
        name: string;
        summary: string;
        /** @enum {string} */
        resourceAttribute: 'base' | 'theme' | 'department';
        /** @enum {string} */
        domain:
          | 'public_security'
          | 'civil_affairs'
          | 'human_resources'
          | 'natural_resources'
          | 'ecology'
          | 'housing'
          | 'transport'
          | 'agriculture'
          | 'commerce'
          | 'culture_tourism'
          | 'health'
          | 'emergency'
          | 'market_regulation'
          | 'finance_tax'
          | 'education'
          | 'science'
          | 'statistics'
          | 'justice'
          | 'business_environment'
          | 'credit'
          | 'other';
        classItem: string;
        classTopic: string;
        /** @enum {string} */
        dataLevel: 'national' | 'province' | 'city' | 'county';
        /** @enum {string} */
        areaRange: 'national' | 'province_wide' | 'each_city' | 'city_wide' | 'each_county' | 'county_wide' | 'other';
        /** @enum {string} */
        processingDegree: 'raw' | 'masked' | 'tagged' | 'statistical' | 'fused' | 'other';
        /** @enum {string} */
        channel: 'gov_extranet' | 'internet' | 'department_network';
        /** @enum {string} */
        scenario: 'government_service' | 'public_service' | 'supervision' | 'other';
        /** @enum {string} */
        formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
        formatType: string;
        /** @enum {string} */
        sharingType: 'unconditional' | 'conditional' | 'none';
        sharingCondition?: string | null;
        sharingMethods: ('table' | 'api' | 'file')[];
        /** @enum {string} */
        openType: 'unconditional' | 'conditional' | 'none';
        openCondition?: string | null;
        /** @enum {string} */
        updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
        updateCycleNote?: string | null;
        /** @default [] */
        relatedCodes: string[];
        /** @default false */
        eLicence: boolean;
        timeRangeFrom?: string | null;
        timeRangeTo?: string | null;
        /** @default [] */
        tags: string[];
        /** @default [] */
        systemIds: string[];
        items: components['schemas']['CatalogItemInputInput'][];
      };
    };
    CatalogFieldChangeInput: {
      field: string;
      before: unknown;
      after: unknown;
    };
    CatalogChangeFeedInput: {
      items: {
        id: number;
        /** Format: uuid */
        entryId: string;
        code: string;
        /** @enum {string} */
        kind: 'published' | 'changed' | 'retired';
        revision: number;
        at: unknown;
      }[];
      next: number;
    };
    InfoSystemInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      name: string;
      /** @enum {string} */
      status: 'planned' | 'building' | 'running' | 'retired';
      onGovCloud: boolean;
      description: string;
      entryCount: number;
      version: number;
      createdAt: unknown;
      updatedAt: unknown;
    };
    InfoSystemCreateInput: {
      /** Format: uuid */
      departmentId?: string;
      name: string;
      /** @enum {string} */
      status: 'planned' | 'building' | 'running' | 'retired';
      /** @default false */
      onGovCloud: boolean;
      /** @default  */
      description: string;
    };
    InfoSystemUpdateInput: {
      name?: string;
      /** @enum {string} */
      status?: 'planned' | 'building' | 'running' | 'retired';
      onGovCloud?: boolean;
      description?: string;
      version: number;
    };
    CatalogMountCreateInput: {
      /** Format: uuid */
      sourceId: string;
      resourceName: string;
      /** @default {} */
      columnMap: {
        [key: string]: string;
      };
    };
    CatalogMountReviewInput: {
      /** @enum {string} */
      decision: 'approve' | 'return';
      comment?: string;
      version: number;
    };
    CatalogMountDiffInput: {
      matched: {
        item: string;
        column: string;
        itemType: string;
        columnType: string;
      }[];
      missing: {
        item: string;
        expected: string;
      }[];
      typeMismatch: {
        item: string;
        column: string;
        itemType: string;
        columnType: string;
      }[];
      extra: {
        column: string;
        columnType: string;
      }[];
      covers: boolean;
    };
    CatalogMountPreviewInput: {
      /** @enum {string} */
      kind: 'table' | 'api' | 'file';
      columns: {
        name: string;
        normalizedType: string;
        dataType?: string;
        length?: number | null;
      }[];
      diff: components['schemas']['CatalogMountDiffInput'];
    };
    CatalogMountInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      entryId: string;
      /** @enum {string} */
      kind: 'table' | 'api' | 'file';
      /** Format: uuid */
      sourceId: string;
      sourceName: string;
      resourceName: string;
      columnMap: {
        [key: string]: string;
      };
      diff: unknown;
      /** @enum {string} */
      status: 'in_review' | 'returned' | 'mounted' | 'removed';
      comment: string | null;
      version: number;
      createdAt: unknown;
      reviewedAt: unknown | null;
      actions: ('review' | 'remove')[];
    };
    CascadeNodeCreateInput: {
      name: string;
      /** @enum {string} */
      role: 'upper' | 'lower';
      /** Format: uri */
      baseUrl: string;
      regionCode: string;
      agencyCode: string;
      key: string;
      secret: string;
      /** @default true */
      enabled: boolean;
    };
    CascadeNodeUpdateInput: {
      /** Format: uri */
      baseUrl?: string;
      enabled?: boolean;
      secret?: string;
      version: number;
    };
    CascadeNodeInput: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      role: 'upper' | 'lower';
      baseUrl: string;
      regionCode: string;
      key: string;
      enabled: boolean;
      rootDepartmentId: string | null;
      queueLength: number;
      lagSeconds: number;
      lastSuccessAt: unknown | null;
      lastError: string | null;
      lastErrorAt: unknown | null;
      receivedChanges: number;
      lastReceivedAt: unknown | null;
      version: number;
      createdAt: unknown;
    };
    CatalogUpdateRequestInput: {
      reason: string;
      version: number;
    };
    CatalogStatsInput: {
      byStatus: {
        [key: string]: number;
      };
      published: number;
      publishedComplete: number;
      reviewPending: number;
      reviewOverdue: number;
      updateRequested: number;
      updateOverdue: number;
    };
    /** @enum {string} */
    CatalogImportErrorKindInput:
      | 'not_a_workbook'
      | 'sheet_missing'
      | 'header_missing'
      | 'header_unknown'
      | 'header_duplicate'
      | 'merged_cells'
      | 'required'
      | 'invalid_code'
      | 'invalid_value'
      | 'duplicate_in_file'
      | 'duplicate_existing'
      | 'unknown_entry'
      | 'no_items'
      | 'unknown_department'
      | 'content_rule';
    CatalogImportErrorInput: {
      sheet: string | null;
      row: number | null;
      column: string | null;
      reason: string;
      kind: components['schemas']['CatalogImportErrorKindInput'];
      rule?: string;
    };
    CatalogImportResultInput: {
      count: number;
      entries: {
        row: number;
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
      }[];
    };
    /** @enum {string} */
    CatalogImportJobStatusInput: 'queued' | 'validating' | 'importing' | 'done' | 'failed';
    CatalogImportJobInput: {
      /** Format: uuid */
      id: string;
      status: components['schemas']['CatalogImportJobStatusInput'];
      fileName: string;
      fileSize: number;
      totalRows: number | null;
      processedRows: number;
      progress: number;
      entryCount: number;
      errorCount: number;
      errors: components['schemas']['CatalogImportErrorInput'][];
      failureCode: string | null;
      createdAt: unknown;
      startedAt: unknown | null;
      finishedAt: unknown | null;
      entries: {
        row: number;
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
      }[];
    };
    ExchangeApiInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      entryId: string;
      resourceCode: string;
      entryName: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      /** @enum {string} */
      access: 'logical' | 'physical' | 'forward';
      sourceId: string | null;
      sourceName: string | null;
      resourceName: string;
      fields: {
        name: string;
        column: string;
        label: string;
        /**
         * @default text
         * @enum {string}
         */
        type: 'text' | 'int' | 'decimal' | 'date' | 'datetime' | 'bool';
        /** @default false */
        sensitive: boolean;
        /** @default null */
        mask:
          | (
              | 'none'
              | 'redact'
              | 'show_last_4'
              | 'show_first_4'
              | 'hash'
              | 'null'
              | 'date_show_year'
              | 'name'
              | 'id_card_6_4'
              | 'id_card_1_1'
              | 'mobile'
              | 'landline'
              | 'address'
              | 'bank_card'
              | 'email'
              | 'plate'
            )
          | null;
      }[];
      params: {
        name: string;
        field: string;
        /** @enum {string} */
        op: 'eq' | 'gte' | 'lte' | 'prefix';
        /**
         * @default text
         * @enum {string}
         */
        format: 'text' | 'int' | 'date' | 'id_card' | 'uscc' | 'division';
        /** @default false */
        required: boolean;
        label: string;
        /** @default null */
        example: string | null;
      }[];
      keyField: string;
      pageSizeMax: number;
      timeoutMs: number;
      /** @enum {string} */
      status: 'active' | 'disabled';
      served: boolean;
      /** @description GET this path with the signature headers */
      gatewayPath: string;
      version: number;
      createdAt: unknown;
      updatedAt: unknown;
    };
    ExchangeApiUpdateInput: {
      /** @enum {string} */
      access: 'logical' | 'physical' | 'forward';
      /** @default null */
      sourceId: string | null;
      resourceName: string;
      fields: {
        name: string;
        column: string;
        label: string;
        /**
         * @default text
         * @enum {string}
         */
        type: 'text' | 'int' | 'decimal' | 'date' | 'datetime' | 'bool';
        /** @default false */
        sensitive: boolean;
        /** @default null */
        mask:
          | (
              | 'none'
              | 'redact'
              | 'show_last_4'
              | 'show_first_4'
              | 'hash'
              | 'null'
              | 'date_show_year'
              | 'name'
              | 'id_card_6_4'
              | 'id_card_1_1'
              | 'mobile'
              | 'landline'
              | 'address'
              | 'bank_card'
              | 'email'
              | 'plate'
            )
          | null;
      }[];
      /** @default [] */
      params: {
        name: string;
        field: string;
        /** @enum {string} */
        op: 'eq' | 'gte' | 'lte' | 'prefix';
        /**
         * @default text
         * @enum {string}
         */
        format: 'text' | 'int' | 'date' | 'id_card' | 'uscc' | 'division';
        /** @default false */
        required: boolean;
        label: string;
        /** @default null */
        example: string | null;
      }[];
      keyField: string;
      /** @default 100 */
      pageSizeMax: number;
      /** @default 5000 */
      timeoutMs: number;
      /**
       * @default active
       * @enum {string}
       */
      status: 'active' | 'disabled';
      version: number;
    };
    GrantInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      entryId: string;
      resourceCode: string;
      entryName: string;
      /** Format: uuid */
      providerDepartmentId: string;
      providerDepartmentName: string;
      /** Format: uuid */
      consumerDepartmentId: string;
      consumerDepartmentName: string;
      appId: string | null;
      appName: string | null;
      appKey: string | null;
      /** @description The entry's gateway API, when the provider declared one */
      apiId: string | null;
      /** @enum {string} */
      method: 'api' | 'table' | 'file';
      fields: string[];
      rowFilter: {
        field: string;
        /** @enum {string} */
        op: 'eq' | 'gte' | 'lte' | 'prefix' | 'in';
        value: string | number | (string | number)[];
      }[];
      masks: {
        [key: string]:
          | 'none'
          | 'redact'
          | 'show_last_4'
          | 'show_first_4'
          | 'hash'
          | 'null'
          | 'date_show_year'
          | 'name'
          | 'id_card_6_4'
          | 'id_card_1_1'
          | 'mobile'
          | 'landline'
          | 'address'
          | 'bank_card'
          | 'email'
          | 'plate';
      };
      purpose: string;
      validFrom: unknown;
      validTo: unknown;
      callsPerDay: number | null;
      callsPerSecond: number | null;
      /** @enum {string} */
      status: 'active' | 'revoked';
      /** @enum {string} */
      state: 'pending' | 'active' | 'expired' | 'revoked';
      revokedAt: unknown | null;
      revokeReason: string | null;
      version: number;
      createdAt: unknown;
    };
    GrantRevokeInput: {
      version: number;
      reason: string;
    };
    GatewayCallInput: {
      /** Format: uuid */
      id: string;
      calledAt: unknown;
      appId: string | null;
      appKey: string | null;
      appName: string | null;
      consumerDepartmentId: string | null;
      consumerDepartmentName: string | null;
      grantId: string | null;
      apiId: string | null;
      providerDepartmentId: string | null;
      resourceCode: string | null;
      fields: string[];
      rowCount: number;
      requestDigest: string;
      responseDigest: string | null;
      status: number;
      code: string | null;
      latencyMs: number;
      /** @description Its leaf in the evidence log: GET /api/v1/exchange/calls/{id}/proof */
      leafIndex: number;
    };
    CallStatsInput: {
      total: number;
      refused: number;
      rows: number;
      days: {
        day: string;
        calls: number;
        refused: number;
      }[];
      codes: {
        code: string;
        calls: number;
      }[];
      latency: {
        p50: number | null;
        p95: number | null;
        p99: number | null;
      };
    };
    ExchangeOverviewInput: {
      callsToday: number;
      callsTotal: number;
      rowsToday: number;
      /** @description Rows distribution jobs wrote into consumers today */
      tableRowsToday: number;
      liveGrants: number;
      servedApis: number;
      byDepartment: {
        /** Format: uuid */
        departmentId: string;
        departmentName: string;
        /** @enum {string} */
        method: 'api' | 'table' | 'file';
        /** @enum {string} */
        role: 'provider' | 'consumer';
        /** @description Gateway calls (api) or distribution runs (table) */
        calls: number;
        rows: number;
        grants: number;
      }[];
      /** @description Return flow (回流): runs and rows per lower node of the cascade */
      returns: {
        /** Format: uuid */
        nodeId: string;
        nodeName: string;
        regionCode: string;
        runs: number;
        rows: number;
        rowsToday: number;
      }[];
    };
    ApiSamplesInput: {
      curl: string;
      typescript: string;
      java: string;
      python: string;
      /** @description The gateway path with example values of the required parameters */
      exampleUrl: string;
    };
    ExchangeJobColumnInput: {
      name: string;
      type: string;
      dataType: string;
    };
    ExchangeJobDriftInput: {
      column: string;
      /** @enum {string} */
      change: 'missing' | 'type';
      was: string;
      now: string | null;
    };
    ExchangeRunInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      jobId: string;
      /** @enum {string} */
      trigger: 'schedule' | 'manual';
      /** @enum {string} */
      status: 'queued' | 'running' | 'done' | 'failed' | 'drift';
      attempts: number;
      phase: ('schema' | 'copy' | 'deletes') | null;
      rowsRead: number;
      rowsWritten: number;
      rowsDeleted: number;
      batches: number;
      errorCode: string | null;
      errorMessage: string | null;
      drift: components['schemas']['ExchangeJobDriftInput'][] | null;
      /** @description When a failed run is tried again (queued runs only) */
      nextAttemptAt: unknown | null;
      createdAt: unknown;
      startedAt: unknown | null;
      heartbeatAt: unknown | null;
      finishedAt: unknown | null;
      durationMs: number | null;
    };
    ExchangeJobInput: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'aggregate' | 'distribute' | 'return';
      name: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      /** Format: uuid */
      entryId: string;
      resourceCode: string;
      entryName: string;
      /** Format: uuid */
      providerDepartmentId: string;
      providerDepartmentName: string;
      mountId: string | null;
      grantId: string | null;
      sourceId: string | null;
      sourceName: string | null;
      sourceKind: string | null;
      /** @description Return flow: the lower node of the cascade the rows go to */
      nodeId: string | null;
      nodeName: string | null;
      regionColumn: string | null;
      regionPrefix: string | null;
      /** @description Aggregation: the source table; distribution: the table in the consumer database */
      remoteTable: string;
      /** @description The store table, `schema.table`, in the platform's database */
      storeTable: string;
      keyColumn: string;
      columns: components['schemas']['ExchangeJobColumnInput'][];
      /** @enum {string} */
      mode: 'full' | 'incremental';
      watermarkColumn: string | null;
      watermark: string | null;
      detectDeletes: boolean;
      batchSize: number;
      /** @enum {string} */
      schedule: 'manual' | 'cycle' | 'cron';
      cron: string | null;
      nextRunAt: unknown | null;
      /** @enum {string} */
      status: 'active' | 'paused' | 'drift';
      drift: components['schemas']['ExchangeJobDriftInput'][] | null;
      lastRun: components['schemas']['ExchangeRunInput'] | null;
      /** @description What the caller may do: the owner's departments run and edit, the provider watches */
      actions: ('run' | 'edit')[];
      version: number;
      createdAt: unknown;
    };
    /** @enum {string} */
    SourceKindInput: 'postgresql' | 'mysql' | 'file' | 'http_json';
    /** @enum {string} */
    SourceTestStepInput: 'dns' | 'connect' | 'auth' | 'database' | 'permission' | 'read';
    /** @enum {string} */
    NormalizedColumnTypeInput: 'char' | 'int' | 'decimal' | 'date' | 'datetime' | 'time' | 'bool' | 'text' | 'other';
    DatabaseConnectionInput: {
      host: string;
      port?: number;
      database: string;
      user: string;
      schema?: string | null;
    };
    HttpJsonConnectionInput: {
      /** Format: uri */
      url: string;
      /** @constant */
      method?: 'GET';
      jsonPath?: string | null;
    };
    SourceHeaderInputInput: {
      name: string;
      value?: string;
    };
    DataSourceCreateInput:
      | {
          /** Format: uuid */
          departmentId: string;
          name: string;
          description?: string;
          /** @constant */
          kind: 'postgresql';
          connection: components['schemas']['DatabaseConnectionInput'];
          password?: string;
        }
      | {
          /** Format: uuid */
          departmentId: string;
          name: string;
          description?: string;
          /** @constant */
          kind: 'mysql';
          connection: components['schemas']['DatabaseConnectionInput'];
          password?: string;
        }
      | {
          /** Format: uuid */
          departmentId: string;
          name: string;
          description?: string;
          /** @constant */
          kind: 'http_json';
          connection: components['schemas']['HttpJsonConnectionInput'];
          headers?: components['schemas']['SourceHeaderInputInput'][];
        }
      | {
          /** Format: uuid */
          departmentId: string;
          name: string;
          description?: string;
          /** @constant */
          kind: 'file';
        };
    DataSourceUpdateInput: {
      name?: string;
      description?: string;
      /** @enum {string} */
      status?: 'active' | 'disabled';
      connection?: components['schemas']['DatabaseConnectionInput'] | components['schemas']['HttpJsonConnectionInput'];
      password?: string | null;
      headers?: components['schemas']['SourceHeaderInputInput'][];
      version: number;
    };
    SourceTestRequestInput:
      | {
          /** @constant */
          kind: 'postgresql';
          connection: components['schemas']['DatabaseConnectionInput'];
          password?: string;
          /** Format: uuid */
          sourceId?: string;
        }
      | {
          /** @constant */
          kind: 'mysql';
          connection: components['schemas']['DatabaseConnectionInput'];
          password?: string;
          /** Format: uuid */
          sourceId?: string;
        }
      | {
          /** @constant */
          kind: 'http_json';
          connection: components['schemas']['HttpJsonConnectionInput'];
          headers?: components['schemas']['SourceHeaderInputInput'][];
          /** Format: uuid */
          sourceId?: string;
        };
    SourceTestResultInput: {
      /** @enum {string} */
      status: 'ok' | 'failed';
      step: components['schemas']['SourceTestStepInput'] | null;
      code: string | null;
      message: string;
      elapsedMs: number;
      at: unknown;
    };
    DataSourceInput:
      | {
          /** Format: uuid */
          id: string;
          /** Format: uuid */
          departmentId: string;
          departmentName: string;
          name: string;
          description: string;
          /** @enum {string} */
          status: 'active' | 'disabled';
          lastTest: components['schemas']['SourceTestResultInput'] | null;
          version: number;
          createdAt: unknown;
          updatedAt: unknown;
          /** @constant */
          kind: 'postgresql';
          connection: {
            host: string;
            port: number;
            database: string;
            user: string;
            schema: string | null;
          };
          hasPassword: boolean;
        }
      | {
          /** Format: uuid */
          id: string;
          /** Format: uuid */
          departmentId: string;
          departmentName: string;
          name: string;
          description: string;
          /** @enum {string} */
          status: 'active' | 'disabled';
          lastTest: components['schemas']['SourceTestResultInput'] | null;
          version: number;
          createdAt: unknown;
          updatedAt: unknown;
          /** @constant */
          kind: 'mysql';
          connection: {
            host: string;
            port: number;
            database: string;
            user: string;
            schema: string | null;
          };
          hasPassword: boolean;
        }
      | {
          /** Format: uuid */
          id: string;
          /** Format: uuid */
          departmentId: string;
          departmentName: string;
          name: string;
          description: string;
          /** @enum {string} */
          status: 'active' | 'disabled';
          lastTest: components['schemas']['SourceTestResultInput'] | null;
          version: number;
          createdAt: unknown;
          updatedAt: unknown;
          /** @constant */
          kind: 'http_json';
          connection: {
            url: string;
            /** @constant */
            method: 'GET';
            jsonPath: string | null;
            headerNames: string[];
          };
        }
      | {
          /** Format: uuid */
          id: string;
          /** Format: uuid */
          departmentId: string;
          departmentName: string;
          name: string;
          description: string;
          /** @enum {string} */
          status: 'active' | 'disabled';
          lastTest: components['schemas']['SourceTestResultInput'] | null;
          version: number;
          createdAt: unknown;
          updatedAt: unknown;
          /** @constant */
          kind: 'file';
          connection: {
            fileName: string | null;
            fileSize: number | null;
            sha256: string | null;
            format: ('csv' | 'xlsx') | null;
            rowCount: number | null;
            uploadedAt: string | null;
          };
        };
    SourceTableInput: {
      schema: string | null;
      name: string;
      /** @enum {string} */
      kind: 'table' | 'view';
      estimatedRows: number | null;
      comment: string | null;
    };
    SourceColumnInput: {
      name: string;
      position: number;
      dataType: string;
      normalizedType: components['schemas']['NormalizedColumnTypeInput'];
      length: number | null;
      precision: number | null;
      scale: number | null;
      nullable: boolean;
      primaryKey: boolean;
      comment: string | null;
    };
    FileUploadInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      entryId: string;
      fileName: string;
      mediaType: string;
      size: number;
      sm3: string;
      chunkSize: number;
      chunkCount: number;
      /** @description Chunks received and checked */
      received: number[];
      /** @description Chunks still to send: a resumed upload sends these */
      missing: number[];
      /** @enum {string} */
      status: 'uploading' | 'complete' | 'failed' | 'abandoned' | 'expired';
      failure: string | null;
      fileId: string | null;
      expiresAt: unknown;
      createdAt: unknown;
    };
    FileChunkReceiptInput: {
      /** Format: uuid */
      uploadId: string;
      index: number;
      size: number;
      sm3: string;
      /** @description Chunks received so far (GET the upload for which are missing) */
      receivedCount: number;
      chunkCount: number;
    };
    FileUploadSummaryInput: {
      /** Format: uuid */
      id: string;
      fileName: string;
      size: number;
      sm3: string;
      chunkSize: number;
      chunkCount: number;
      receivedCount: number;
      /** @description The user who started the upload */
      createdBy: string | null;
      /** @description That user's display name */
      createdByName: string | null;
      createdAt: unknown;
      expiresAt: unknown;
    };
    FileLinkSummaryInput: {
      /** Format: uuid */
      id: string;
      departmentName: string;
      grantId: string | null;
      expiresAt: unknown;
      maxDownloads: number | null;
      downloads: number;
      revokedAt: unknown | null;
      createdAt: unknown;
      /** @description Whether the link downloads now, as the download judges it */
      live: boolean;
      /** @description Whether the grant behind the link stopped it, at or before the link's own expiry: its validity period ended, or it was revoked; null otherwise */
      stoppedByGrant: ('ended' | 'revoked') | null;
    };
    ExchangeFileInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      entryId: string;
      version: number;
      fileName: string;
      mediaType: string;
      size: number;
      sm3: string;
      note: string;
      createdAt: unknown;
    };
    FileLinkInput: {
      /** Format: uuid */
      id: string;
      /** @description The download path; anyone holding it may download until it expires */
      url: string;
      expiresAt: unknown;
      maxDownloads: number | null;
    };
    ReturnedTableInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      flowId: string;
      flowName: string;
      /** Format: uuid */
      entryId: string;
      resourceCode: string;
      entryName: string;
      departmentName: string;
      fromNode: string;
      storeTable: string;
      regionPrefix: string;
      rows: number;
      lastReceivedAt: unknown | null;
    };
    CatalogItemInput: {
      name: string;
      nameEn?: string | null;
      /** @enum {string} */
      dataType: 'char' | 'int' | 'decimal' | 'date' | 'datetime' | 'time' | 'bool' | 'text' | 'binary' | 'other';
      length?: number | null;
      precision?: number | null;
      description?: string | null;
      /** @default false */
      primaryKey: boolean;
      /** @default false */
      timestamp: boolean;
      /** @default false */
      sensitive: boolean;
    };
    ExchangeApiCreate: {
      /** Format: uuid */
      entryId: string;
      /** @enum {string} */
      access: 'logical' | 'physical' | 'forward';
      /** @default null */
      sourceId: string | null;
      resourceName: string;
      fields: {
        name: string;
        column: string;
        label: string;
        /**
         * @default text
         * @enum {string}
         */
        type: 'text' | 'int' | 'decimal' | 'date' | 'datetime' | 'bool';
        /** @default false */
        sensitive: boolean;
        /** @default null */
        mask:
          | (
              | 'none'
              | 'redact'
              | 'show_last_4'
              | 'show_first_4'
              | 'hash'
              | 'null'
              | 'date_show_year'
              | 'name'
              | 'id_card_6_4'
              | 'id_card_1_1'
              | 'mobile'
              | 'landline'
              | 'address'
              | 'bank_card'
              | 'email'
              | 'plate'
            )
          | null;
      }[];
      /** @default [] */
      params: {
        name: string;
        field: string;
        /** @enum {string} */
        op: 'eq' | 'gte' | 'lte' | 'prefix';
        /**
         * @default text
         * @enum {string}
         */
        format: 'text' | 'int' | 'date' | 'id_card' | 'uscc' | 'division';
        /** @default false */
        required: boolean;
        label: string;
        /** @default null */
        example: string | null;
      }[];
      keyField: string;
      /** @default 100 */
      pageSizeMax: number;
      /** @default 5000 */
      timeoutMs: number;
    };
    GrantCreate: {
      /** Format: uuid */
      entryId: string;
      /** Format: uuid */
      consumerDepartmentId: string;
      /** @default null */
      appId: string | null;
      /** @enum {string} */
      method: 'api' | 'table' | 'file';
      fields: string[];
      /** @default [] */
      rowFilter: {
        field: string;
        /** @enum {string} */
        op: 'eq' | 'gte' | 'lte' | 'prefix' | 'in';
        value: string | number | (string | number)[];
      }[];
      /** @default {} */
      masks: {
        [key: string]:
          | 'none'
          | 'redact'
          | 'show_last_4'
          | 'show_first_4'
          | 'hash'
          | 'null'
          | 'date_show_year'
          | 'name'
          | 'id_card_6_4'
          | 'id_card_1_1'
          | 'mobile'
          | 'landline'
          | 'address'
          | 'bank_card'
          | 'email'
          | 'plate';
      };
      purpose: string;
      /** Format: date-time */
      validFrom: string;
      /** Format: date-time */
      validTo: string;
      /** @default null */
      callsPerDay: number | null;
      /** @default null */
      callsPerSecond: number | null;
    };
    ExchangeJobCreate:
      | {
          /** @constant */
          kind: 'aggregate';
          /** Format: uuid */
          mountId: string;
          keyColumn: string;
          columns?: string[];
          /** @default null */
          watermarkColumn: string | null;
          targetTable?: string;
          name?: string;
          /**
           * @default full
           * @enum {string}
           */
          mode: 'full' | 'incremental';
          /**
           * @default manual
           * @enum {string}
           */
          schedule: 'manual' | 'cycle' | 'cron';
          /** @default null */
          cron: string | null;
          /** @default true */
          detectDeletes: boolean;
          /** @default 20000 */
          batchSize: number;
        }
      | {
          /** @constant */
          kind: 'distribute';
          /** Format: uuid */
          grantId: string;
          /** Format: uuid */
          targetSourceId: string;
          targetTable: string;
          name?: string;
          /**
           * @default full
           * @enum {string}
           */
          mode: 'full' | 'incremental';
          /**
           * @default manual
           * @enum {string}
           */
          schedule: 'manual' | 'cycle' | 'cron';
          /** @default null */
          cron: string | null;
          /** @default true */
          detectDeletes: boolean;
          /** @default 20000 */
          batchSize: number;
        }
      | {
          /** @constant */
          kind: 'return';
          /** Format: uuid */
          entryId: string;
          /** Format: uuid */
          nodeId: string;
          regionColumn: string;
          regionPrefix?: string;
          name?: string;
          /**
           * @default manual
           * @enum {string}
           */
          schedule: 'manual' | 'cycle' | 'cron';
          /** @default null */
          cron: string | null;
          /** @default 20000 */
          batchSize: number;
        };
    ExchangeJobUpdate: {
      version: number;
      name?: string;
      /** @enum {string} */
      schedule?: 'manual' | 'cycle' | 'cron';
      cron?: string | null;
      detectDeletes?: boolean;
      batchSize?: number;
      /** @enum {string} */
      status?: 'active' | 'paused';
      acceptDrift?: boolean;
    };
    FileUploadCreate: {
      /** Format: uuid */
      entryId: string;
      fileName: string;
      /** @default application/octet-stream */
      mediaType: string;
      size: number;
      sm3: string;
      /** @default 8388608 */
      chunkSize: number;
      /** @default  */
      note: string;
    };
    FileLinkCreate: {
      /** @default 1440 */
      expiresInMinutes: number;
      /** @default null */
      maxDownloads: number | null;
    };
    AppSecretInfo: {
      /** Format: uuid */
      id: string;
      hint: string;
      /** Format: date-time */
      createdAt: string;
      revokedAt: string | null;
    };
    ClientApp: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      name: string;
      appKey: string;
      description: string;
      /** @enum {string} */
      status: 'active' | 'disabled';
      secrets: components['schemas']['AppSecretInfo'][];
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    NewAppSecret: {
      /** Format: uuid */
      id: string;
      secret: string;
      hint: string;
      /** Format: date-time */
      createdAt: string;
    };
    ClientAppCreate: {
      /** Format: uuid */
      departmentId: string;
      name: string;
      description?: string;
    };
    ClientAppUpdate: {
      name?: string;
      description?: string;
      /** @enum {string} */
      status?: 'active' | 'disabled';
      version: number;
    };
    Department: {
      /** Format: uuid */
      id: string;
      parentId: string | null;
      name: string;
      shortName: string | null;
      /** @enum {string} */
      level: 'province' | 'city' | 'county';
      divisionCode: string;
      agencyCode: string;
      sortOrder: number;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    DepartmentCreate: {
      parentId?: string | null;
      name: string;
      shortName?: string | null;
      /** @enum {string} */
      level: 'province' | 'city' | 'county';
      divisionCode: string;
      agencyCode: string;
      sortOrder?: number;
    };
    DepartmentUpdate: {
      parentId?: string | null;
      name?: string;
      shortName?: string | null;
      /** @enum {string} */
      level?: 'province' | 'city' | 'county';
      divisionCode?: string;
      agencyCode?: string;
      sortOrder?: number;
      version: number;
    };
    Role: {
      /** Format: uuid */
      id: string;
      code: string;
      nameZh: string;
      nameEn: string;
      description: string;
      builtin: boolean;
      permissions: string[];
      userCount: number;
      version: number;
    };
    RoleCreate: {
      code: string;
      nameZh: string;
      nameEn: string;
      description?: string;
      permissions: string[];
    };
    RoleUpdate: {
      nameZh?: string;
      nameEn?: string;
      description?: string;
      permissions?: string[];
      version: number;
    };
    PermissionInfo: {
      name: string;
      descriptionZh: string;
      descriptionEn: string;
    };
    User: {
      /** Format: uuid */
      id: string;
      login: string;
      displayName: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      phone: string | null;
      email: string | null;
      /** @enum {string} */
      status: 'active' | 'disabled';
      roles: string[];
      mustChangePassword: boolean;
      lockedUntil: string | null;
      lastLoginAt: string | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    UserList: {
      items: components['schemas']['User'][];
      total: number;
    };
    UserCreate: {
      login: string;
      displayName: string;
      /** Format: uuid */
      departmentId: string;
      phone?: string | null;
      email?: string | null;
      /** @default [] */
      roles: string[];
      initialPassword?: string;
    };
    UserUpdate: {
      displayName?: string;
      /** Format: uuid */
      departmentId?: string;
      phone?: string | null;
      email?: string | null;
      roles?: string[];
      /** @enum {string} */
      status?: 'active' | 'disabled';
      version: number;
    };
    UserWithPassword: {
      user: components['schemas']['User'];
      initialPassword: string;
    };
    AccessToken: {
      /** Format: uuid */
      id: string;
      name: string;
      tokenPrefix: string;
      permissions: string[];
      /** Format: date-time */
      createdAt: string;
      expiresAt: string | null;
      lastUsedAt: string | null;
      revokedAt: string | null;
    };
    AccessTokenCreate: {
      name: string;
      permissions?: string[];
      expiresInDays?: number;
    };
    LoginRequest: {
      login: string;
      password: string;
    };
    LoginResult: {
      user: components['schemas']['User'];
      mustChangePassword: boolean;
      csrfToken: string;
      /** Format: date-time */
      expiresAt: string;
    };
    Me: {
      user: components['schemas']['User'];
      roles: string[];
      permissions: string[];
      csrfToken: string | null;
      /** @enum {string} */
      via: 'session' | 'token';
    };
    PasswordChange: {
      currentPassword: string;
      newPassword: string;
    };
    AuditEvent: {
      id: number;
      /** Format: date-time */
      occurredAt: string;
      actorUserId: string | null;
      actorLogin: string | null;
      actorDepartmentId: string | null;
      actorDepartmentName: string | null;
      action: string;
      /** @enum {string} */
      outcome: 'success' | 'failure';
      targetType: string | null;
      targetId: string | null;
      targetLabel: string | null;
      ip: string | null;
      details: {
        [key: string]: unknown;
      };
    };
    EvidenceCheckpoint: {
      treeSize: number;
      root: string;
      /** Format: date-time */
      signedAt: string;
      keyId: string;
      /** @description The checkpoint text exactly as signed */
      body: string;
      /** @description SM2 signature of `body` (user ID 1234567812345678), DER as hex */
      signature: string;
    };
    EvidenceStatus: {
      treeSize: number;
      root: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description Entries waiting for the sequencer */
      queued: number;
      latestCheckpoint: components['schemas']['EvidenceCheckpoint'] | null;
      /** @constant */
      hash: 'sm3';
      /** @description The node's SM2 public key (uncompressed, hex) that signs checkpoints */
      publicKey: string;
      keyId: string;
    };
    EvidenceInclusion: {
      index: number;
      kind: string;
      /** @description The entry exactly as hashed (canonical JSON): leaf hash = SM3(0x00 ‖ entry) */
      entry: string;
      leafHash: string;
      /** Format: date-time */
      sequencedAt: string;
      treeSize: number;
      root: string;
      /** @description RFC 9162 inclusion proof, from the leaf up */
      proof: string[];
      /** @description The signed checkpoint of `treeSize`, when there is one */
      checkpoint: components['schemas']['EvidenceCheckpoint'] | null;
    };
    EvidenceProvenLeaves: {
      items: components['schemas']['EvidenceInclusion'][];
      /** @description Entries not sequenced into the log yet (within seconds) */
      queued: number;
      /** @description There are more leaves than `limit` */
      more: boolean;
    };
    EvidenceConsistency: {
      from: number;
      to: number;
      fromRoot: string;
      toRoot: string;
      proof: string[];
    };
    CatalogEntryContent: {
      name: string;
      summary: string;
      /** @enum {string} */
      resourceAttribute: 'base' | 'theme' | 'department';
      /** @enum {string} */
      domain:
        | 'public_security'
        | 'civil_affairs'
        | 'human_resources'
        | 'natural_resources'
        | 'ecology'
        | 'housing'
        | 'transport'
        | 'agriculture'
        | 'commerce'
        | 'culture_tourism'
        | 'health'
        | 'emergency'
        | 'market_regulation'
        | 'finance_tax'
        | 'education'
        | 'science'
        | 'statistics'
        | 'justice'
        | 'business_environment'
        | 'credit'
        | 'other';
      classItem: string;
      classTopic: string;
      /** @enum {string} */
      dataLevel: 'national' | 'province' | 'city' | 'county';
      /** @enum {string} */
      areaRange: 'national' | 'province_wide' | 'each_city' | 'city_wide' | 'each_county' | 'county_wide' | 'other';
      /** @enum {string} */
      processingDegree: 'raw' | 'masked' | 'tagged' | 'statistical' | 'fused' | 'other';
      /** @enum {string} */
      channel: 'gov_extranet' | 'internet' | 'department_network';
      /** @enum {string} */
      scenario: 'government_service' | 'public_service' | 'supervision' | 'other';
      /** @enum {string} */
      formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
      formatType: string;
      /** @enum {string} */
      sharingType: 'unconditional' | 'conditional' | 'none';
      sharingCondition?: string | null;
      sharingMethods: ('table' | 'api' | 'file')[];
      /** @enum {string} */
      openType: 'unconditional' | 'conditional' | 'none';
      openCondition?: string | null;
      /** @enum {string} */
      updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
      updateCycleNote?: string | null;
      /** @default [] */
      relatedCodes: string[];
      /** @default false */
      eLicence: boolean;
      timeRangeFrom?: string | null;
      timeRangeTo?: string | null;
      /** @default [] */
      tags: string[];
      /** @default [] */
      systemIds: string[];
      items: components['schemas']['CatalogItemInput'][];
    };
    CatalogEntryCreate: {
      name: string;
      summary: string;
      /** @enum {string} */
      resourceAttribute: 'base' | 'theme' | 'department';
      /** @enum {string} */
      domain:
        | 'public_security'
        | 'civil_affairs'
        | 'human_resources'
        | 'natural_resources'
        | 'ecology'
        | 'housing'
        | 'transport'
        | 'agriculture'
        | 'commerce'
        | 'culture_tourism'
        | 'health'
        | 'emergency'
        | 'market_regulation'
        | 'finance_tax'
        | 'education'
        | 'science'
        | 'statistics'
        | 'justice'
        | 'business_environment'
        | 'credit'
        | 'other';
      classItem: string;
      classTopic: string;
      /** @enum {string} */
      dataLevel: 'national' | 'province' | 'city' | 'county';
      /** @enum {string} */
      areaRange: 'national' | 'province_wide' | 'each_city' | 'city_wide' | 'each_county' | 'county_wide' | 'other';
      /** @enum {string} */
      processingDegree: 'raw' | 'masked' | 'tagged' | 'statistical' | 'fused' | 'other';
      /** @enum {string} */
      channel: 'gov_extranet' | 'internet' | 'department_network';
      /** @enum {string} */
      scenario: 'government_service' | 'public_service' | 'supervision' | 'other';
      /** @enum {string} */
      formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
      formatType: string;
      /** @enum {string} */
      sharingType: 'unconditional' | 'conditional' | 'none';
      sharingCondition?: string | null;
      sharingMethods: ('table' | 'api' | 'file')[];
      /** @enum {string} */
      openType: 'unconditional' | 'conditional' | 'none';
      openCondition?: string | null;
      /** @enum {string} */
      updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
      updateCycleNote?: string | null;
      /** @default [] */
      relatedCodes: string[];
      /** @default false */
      eLicence: boolean;
      timeRangeFrom?: string | null;
      timeRangeTo?: string | null;
      /** @default [] */
      tags: string[];
      /** @default [] */
      systemIds: string[];
      items: components['schemas']['CatalogItemInput'][];
      /** Format: uuid */
      departmentId?: string;
    };
    CatalogEntryUpdate: {
      content: {
        name: string;
        summary: string;
        /** @enum {string} */
        resourceAttribute: 'base' | 'theme' | 'department';
        /** @enum {string} */
        domain:
          | 'public_security'
          | 'civil_affairs'
          | 'human_resources'
          | 'natural_resources'
          | 'ecology'
          | 'housing'
          | 'transport'
          | 'agriculture'
          | 'commerce'
          | 'culture_tourism'
          | 'health'
          | 'emergency'
          | 'market_regulation'
          | 'finance_tax'
          | 'education'
          | 'science'
          | 'statistics'
          | 'justice'
          | 'business_environment'
          | 'credit'
          | 'other';
        classItem: string;
        classTopic: string;
        /** @enum {string} */
        dataLevel: 'national' | 'province' | 'city' | 'county';
        /** @enum {string} */
        areaRange: 'national' | 'province_wide' | 'each_city' | 'city_wide' | 'each_county' | 'county_wide' | 'other';
        /** @enum {string} */
        processingDegree: 'raw' | 'masked' | 'tagged' | 'statistical' | 'fused' | 'other';
        /** @enum {string} */
        channel: 'gov_extranet' | 'internet' | 'department_network';
        /** @enum {string} */
        scenario: 'government_service' | 'public_service' | 'supervision' | 'other';
        /** @enum {string} */
        formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
        formatType: string;
        /** @enum {string} */
        sharingType: 'unconditional' | 'conditional' | 'none';
        sharingCondition?: string | null;
        sharingMethods: ('table' | 'api' | 'file')[];
        /** @enum {string} */
        openType: 'unconditional' | 'conditional' | 'none';
        openCondition?: string | null;
        /** @enum {string} */
        updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
        updateCycleNote?: string | null;
        /** @default [] */
        relatedCodes: string[];
        /** @default false */
        eLicence: boolean;
        timeRangeFrom?: string | null;
        timeRangeTo?: string | null;
        /** @default [] */
        tags: string[];
        /** @default [] */
        systemIds: string[];
        items: components['schemas']['CatalogItemInput'][];
      };
      version: number;
    };
    CatalogVersionBody: {
      version: number;
    };
    CatalogReviewBody: {
      /** @enum {string} */
      decision: 'approve' | 'return';
      comment?: string;
      version: number;
    };
    CatalogRetireBody: {
      reason: string;
      version: number;
    };
    CatalogEntrySummary: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
      summary: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      /** @enum {string} */
      status: 'draft' | 'submitted' | 'returned' | 'published' | 'change_review' | 'retire_review' | 'retired';
      /** @enum {string} */
      mountStatus: 'unmounted' | 'in_review' | 'returned' | 'mounted' | 'change_in_review';
      /** @enum {string} */
      resourceAttribute: 'base' | 'theme' | 'department';
      /** @enum {string} */
      domain:
        | 'public_security'
        | 'civil_affairs'
        | 'human_resources'
        | 'natural_resources'
        | 'ecology'
        | 'housing'
        | 'transport'
        | 'agriculture'
        | 'commerce'
        | 'culture_tourism'
        | 'health'
        | 'emergency'
        | 'market_regulation'
        | 'finance_tax'
        | 'education'
        | 'science'
        | 'statistics'
        | 'justice'
        | 'business_environment'
        | 'credit'
        | 'other';
      /** @enum {string} */
      sharingType: 'unconditional' | 'conditional' | 'none';
      sharingMethods: string[];
      /** @enum {string} */
      openType: 'unconditional' | 'conditional' | 'none';
      /** @enum {string} */
      updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
      /** @enum {string} */
      formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
      tags: string[];
      itemCount: number;
      applyCount: number;
      revision: number;
      version: number;
      hasPendingChange: boolean;
      regionCode: string | null;
      mirrored: boolean;
      complete: boolean;
      /** Format: date-time */
      updatedAt: string;
      publishedAt: string | null;
      submittedAt: string | null;
      reviewDue: string | null;
      reviewOverdue: boolean;
      updateDue: string | null;
      updateOverdue: boolean;
      highlight?: {
        name: {
          text: string;
          match: boolean;
        }[];
        summary: {
          text: string;
          match: boolean;
        }[];
      };
    };
    CatalogEntry: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
      summary: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      /** @enum {string} */
      status: 'draft' | 'submitted' | 'returned' | 'published' | 'change_review' | 'retire_review' | 'retired';
      /** @enum {string} */
      mountStatus: 'unmounted' | 'in_review' | 'returned' | 'mounted' | 'change_in_review';
      /** @enum {string} */
      resourceAttribute: 'base' | 'theme' | 'department';
      /** @enum {string} */
      domain:
        | 'public_security'
        | 'civil_affairs'
        | 'human_resources'
        | 'natural_resources'
        | 'ecology'
        | 'housing'
        | 'transport'
        | 'agriculture'
        | 'commerce'
        | 'culture_tourism'
        | 'health'
        | 'emergency'
        | 'market_regulation'
        | 'finance_tax'
        | 'education'
        | 'science'
        | 'statistics'
        | 'justice'
        | 'business_environment'
        | 'credit'
        | 'other';
      /** @enum {string} */
      sharingType: 'unconditional' | 'conditional' | 'none';
      sharingMethods: string[];
      /** @enum {string} */
      openType: 'unconditional' | 'conditional' | 'none';
      /** @enum {string} */
      updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
      /** @enum {string} */
      formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
      tags: string[];
      itemCount: number;
      applyCount: number;
      revision: number;
      version: number;
      hasPendingChange: boolean;
      regionCode: string | null;
      mirrored: boolean;
      complete: boolean;
      /** Format: date-time */
      updatedAt: string;
      publishedAt: string | null;
      submittedAt: string | null;
      reviewDue: string | null;
      reviewOverdue: boolean;
      updateDue: string | null;
      updateOverdue: boolean;
      highlight?: {
        name: {
          text: string;
          match: boolean;
        }[];
        summary: {
          text: string;
          match: boolean;
        }[];
      };
      content: {
        name: string;
        summary: string;
        /** @enum {string} */
        resourceAttribute: 'base' | 'theme' | 'department';
        /** @enum {string} */
        domain:
          | 'public_security'
          | 'civil_affairs'
          | 'human_resources'
          | 'natural_resources'
          | 'ecology'
          | 'housing'
          | 'transport'
          | 'agriculture'
          | 'commerce'
          | 'culture_tourism'
          | 'health'
          | 'emergency'
          | 'market_regulation'
          | 'finance_tax'
          | 'education'
          | 'science'
          | 'statistics'
          | 'justice'
          | 'business_environment'
          | 'credit'
          | 'other';
        classItem: string;
        classTopic: string;
        /** @enum {string} */
        dataLevel: 'national' | 'province' | 'city' | 'county';
        /** @enum {string} */
        areaRange: 'national' | 'province_wide' | 'each_city' | 'city_wide' | 'each_county' | 'county_wide' | 'other';
        /** @enum {string} */
        processingDegree: 'raw' | 'masked' | 'tagged' | 'statistical' | 'fused' | 'other';
        /** @enum {string} */
        channel: 'gov_extranet' | 'internet' | 'department_network';
        /** @enum {string} */
        scenario: 'government_service' | 'public_service' | 'supervision' | 'other';
        /** @enum {string} */
        formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
        formatType: string;
        /** @enum {string} */
        sharingType: 'unconditional' | 'conditional' | 'none';
        sharingCondition?: string | null;
        sharingMethods: ('table' | 'api' | 'file')[];
        /** @enum {string} */
        openType: 'unconditional' | 'conditional' | 'none';
        openCondition?: string | null;
        /** @enum {string} */
        updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
        updateCycleNote?: string | null;
        /** @default [] */
        relatedCodes: string[];
        /** @default false */
        eLicence: boolean;
        timeRangeFrom?: string | null;
        timeRangeTo?: string | null;
        /** @default [] */
        tags: string[];
        /** @default [] */
        systemIds: string[];
        items: components['schemas']['CatalogItemInput'][];
      };
      pending: {
        name: string;
        summary: string;
        /** @enum {string} */
        resourceAttribute: 'base' | 'theme' | 'department';
        /** @enum {string} */
        domain:
          | 'public_security'
          | 'civil_affairs'
          | 'human_resources'
          | 'natural_resources'
          | 'ecology'
          | 'housing'
          | 'transport'
          | 'agriculture'
          | 'commerce'
          | 'culture_tourism'
          | 'health'
          | 'emergency'
          | 'market_regulation'
          | 'finance_tax'
          | 'education'
          | 'science'
          | 'statistics'
          | 'justice'
          | 'business_environment'
          | 'credit'
          | 'other';
        classItem: string;
        classTopic: string;
        /** @enum {string} */
        dataLevel: 'national' | 'province' | 'city' | 'county';
        /** @enum {string} */
        areaRange: 'national' | 'province_wide' | 'each_city' | 'city_wide' | 'each_county' | 'county_wide' | 'other';
        /** @enum {string} */
        processingDegree: 'raw' | 'masked' | 'tagged' | 'statistical' | 'fused' | 'other';
        /** @enum {string} */
        channel: 'gov_extranet' | 'internet' | 'department_network';
        /** @enum {string} */
        scenario: 'government_service' | 'public_service' | 'supervision' | 'other';
        /** @enum {string} */
        formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
        formatType: string;
        /** @enum {string} */
        sharingType: 'unconditional' | 'conditional' | 'none';
        sharingCondition?: string | null;
        sharingMethods: ('table' | 'api' | 'file')[];
        /** @enum {string} */
        openType: 'unconditional' | 'conditional' | 'none';
        openCondition?: string | null;
        /** @enum {string} */
        updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
        updateCycleNote?: string | null;
        /** @default [] */
        relatedCodes: string[];
        /** @default false */
        eLicence: boolean;
        timeRangeFrom?: string | null;
        timeRangeTo?: string | null;
        /** @default [] */
        tags: string[];
        /** @default [] */
        systemIds: string[];
        items: components['schemas']['CatalogItemInput'][];
      } | null;
      systems: {
        /** Format: uuid */
        id: string;
        name: string;
        departmentName: string;
      }[];
      /** Format: date-time */
      createdAt: string;
      updateRequestReason: string | null;
      actions: ('edit' | 'submit' | 'withdraw' | 'delete' | 'review' | 'retire' | 'discard_change' | 'request_update')[];
    };
    CatalogSearchResult: {
      items: components['schemas']['CatalogEntrySummary'][];
      total: number;
      facets: {
        [key: string]: {
          value: string;
          label?: string;
          count: number;
        }[];
      };
    };
    CatalogTimelineEvent: {
      id: number;
      action: string;
      fromStatus: string | null;
      toStatus: string | null;
      actorName: string;
      comment: string | null;
      /** Format: date-time */
      at: string;
    };
    CatalogEntryVersion: {
      revision: number;
      /** Format: date-time */
      publishedAt: string;
      publishedBy: string | null;
      content: {
        name: string;
        summary: string;
        /** @enum {string} */
        resourceAttribute: 'base' | 'theme' | 'department';
        /** @enum {string} */
        domain:
          | 'public_security'
          | 'civil_affairs'
          | 'human_resources'
          | 'natural_resources'
          | 'ecology'
          | 'housing'
          | 'transport'
          | 'agriculture'
          | 'commerce'
          | 'culture_tourism'
          | 'health'
          | 'emergency'
          | 'market_regulation'
          | 'finance_tax'
          | 'education'
          | 'science'
          | 'statistics'
          | 'justice'
          | 'business_environment'
          | 'credit'
          | 'other';
        classItem: string;
        classTopic: string;
        /** @enum {string} */
        dataLevel: 'national' | 'province' | 'city' | 'county';
        /** @enum {string} */
        areaRange: 'national' | 'province_wide' | 'each_city' | 'city_wide' | 'each_county' | 'county_wide' | 'other';
        /** @enum {string} */
        processingDegree: 'raw' | 'masked' | 'tagged' | 'statistical' | 'fused' | 'other';
        /** @enum {string} */
        channel: 'gov_extranet' | 'internet' | 'department_network';
        /** @enum {string} */
        scenario: 'government_service' | 'public_service' | 'supervision' | 'other';
        /** @enum {string} */
        formatClass: 'document' | 'spreadsheet' | 'database' | 'image' | 'stream' | 'self_describing' | 'other';
        formatType: string;
        /** @enum {string} */
        sharingType: 'unconditional' | 'conditional' | 'none';
        sharingCondition?: string | null;
        sharingMethods: ('table' | 'api' | 'file')[];
        /** @enum {string} */
        openType: 'unconditional' | 'conditional' | 'none';
        openCondition?: string | null;
        /** @enum {string} */
        updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'other';
        updateCycleNote?: string | null;
        /** @default [] */
        relatedCodes: string[];
        /** @default false */
        eLicence: boolean;
        timeRangeFrom?: string | null;
        timeRangeTo?: string | null;
        /** @default [] */
        tags: string[];
        /** @default [] */
        systemIds: string[];
        items: components['schemas']['CatalogItemInput'][];
      };
    };
    CatalogFieldChange: {
      field: string;
      before: unknown;
      after: unknown;
    };
    CatalogChangeFeed: {
      items: {
        id: number;
        /** Format: uuid */
        entryId: string;
        code: string;
        /** @enum {string} */
        kind: 'published' | 'changed' | 'retired';
        revision: number;
        /** Format: date-time */
        at: string;
      }[];
      next: number;
    };
    InfoSystem: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      name: string;
      /** @enum {string} */
      status: 'planned' | 'building' | 'running' | 'retired';
      onGovCloud: boolean;
      description: string;
      entryCount: number;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    InfoSystemCreate: {
      /** Format: uuid */
      departmentId?: string;
      name: string;
      /** @enum {string} */
      status: 'planned' | 'building' | 'running' | 'retired';
      /** @default false */
      onGovCloud: boolean;
      /** @default  */
      description: string;
    };
    InfoSystemUpdate: {
      name?: string;
      /** @enum {string} */
      status?: 'planned' | 'building' | 'running' | 'retired';
      onGovCloud?: boolean;
      description?: string;
      version: number;
    };
    CatalogMountCreate: {
      /** Format: uuid */
      sourceId: string;
      resourceName: string;
      /** @default {} */
      columnMap: {
        [key: string]: string;
      };
    };
    CatalogMountReview: {
      /** @enum {string} */
      decision: 'approve' | 'return';
      comment?: string;
      version: number;
    };
    CatalogMountDiff: {
      matched: {
        item: string;
        column: string;
        itemType: string;
        columnType: string;
      }[];
      missing: {
        item: string;
        expected: string;
      }[];
      typeMismatch: {
        item: string;
        column: string;
        itemType: string;
        columnType: string;
      }[];
      extra: {
        column: string;
        columnType: string;
      }[];
      covers: boolean;
    };
    CatalogMountPreview: {
      /** @enum {string} */
      kind: 'table' | 'api' | 'file';
      columns: {
        name: string;
        normalizedType: string;
        dataType?: string;
        length?: number | null;
      }[];
      diff: components['schemas']['CatalogMountDiff'];
    };
    CatalogMount: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      entryId: string;
      /** @enum {string} */
      kind: 'table' | 'api' | 'file';
      /** Format: uuid */
      sourceId: string;
      sourceName: string;
      resourceName: string;
      columnMap: {
        [key: string]: string;
      };
      diff: unknown;
      /** @enum {string} */
      status: 'in_review' | 'returned' | 'mounted' | 'removed';
      comment: string | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
      reviewedAt: string | null;
      actions: ('review' | 'remove')[];
    };
    CascadeNodeCreate: {
      name: string;
      /** @enum {string} */
      role: 'upper' | 'lower';
      /** Format: uri */
      baseUrl: string;
      regionCode: string;
      agencyCode: string;
      key: string;
      secret: string;
      /** @default true */
      enabled: boolean;
    };
    CascadeNodeUpdate: {
      /** Format: uri */
      baseUrl?: string;
      enabled?: boolean;
      secret?: string;
      version: number;
    };
    CascadeNode: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      role: 'upper' | 'lower';
      baseUrl: string;
      regionCode: string;
      key: string;
      enabled: boolean;
      rootDepartmentId: string | null;
      queueLength: number;
      lagSeconds: number;
      lastSuccessAt: string | null;
      lastError: string | null;
      lastErrorAt: string | null;
      receivedChanges: number;
      lastReceivedAt: string | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
    };
    CatalogUpdateRequest: {
      reason: string;
      version: number;
    };
    CatalogStats: {
      byStatus: {
        [key: string]: number;
      };
      published: number;
      publishedComplete: number;
      reviewPending: number;
      reviewOverdue: number;
      updateRequested: number;
      updateOverdue: number;
    };
    /** @enum {string} */
    CatalogImportErrorKind:
      | 'not_a_workbook'
      | 'sheet_missing'
      | 'header_missing'
      | 'header_unknown'
      | 'header_duplicate'
      | 'merged_cells'
      | 'required'
      | 'invalid_code'
      | 'invalid_value'
      | 'duplicate_in_file'
      | 'duplicate_existing'
      | 'unknown_entry'
      | 'no_items'
      | 'unknown_department'
      | 'content_rule';
    CatalogImportError: {
      sheet: string | null;
      row: number | null;
      column: string | null;
      reason: string;
      kind: components['schemas']['CatalogImportErrorKind'];
      rule?: string;
    };
    CatalogImportResult: {
      count: number;
      entries: {
        row: number;
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
      }[];
    };
    /** @enum {string} */
    CatalogImportJobStatus: 'queued' | 'validating' | 'importing' | 'done' | 'failed';
    CatalogImportJob: {
      /** Format: uuid */
      id: string;
      status: components['schemas']['CatalogImportJobStatus'];
      fileName: string;
      fileSize: number;
      totalRows: number | null;
      processedRows: number;
      progress: number;
      entryCount: number;
      errorCount: number;
      errors: components['schemas']['CatalogImportError'][];
      failureCode: string | null;
      /** Format: date-time */
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      entries: {
        row: number;
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
      }[];
    };
    ExchangeApi: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      entryId: string;
      resourceCode: string;
      entryName: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      /** @enum {string} */
      access: 'logical' | 'physical' | 'forward';
      sourceId: string | null;
      sourceName: string | null;
      resourceName: string;
      fields: {
        name: string;
        column: string;
        label: string;
        /**
         * @default text
         * @enum {string}
         */
        type: 'text' | 'int' | 'decimal' | 'date' | 'datetime' | 'bool';
        /** @default false */
        sensitive: boolean;
        /** @default null */
        mask:
          | (
              | 'none'
              | 'redact'
              | 'show_last_4'
              | 'show_first_4'
              | 'hash'
              | 'null'
              | 'date_show_year'
              | 'name'
              | 'id_card_6_4'
              | 'id_card_1_1'
              | 'mobile'
              | 'landline'
              | 'address'
              | 'bank_card'
              | 'email'
              | 'plate'
            )
          | null;
      }[];
      params: {
        name: string;
        field: string;
        /** @enum {string} */
        op: 'eq' | 'gte' | 'lte' | 'prefix';
        /**
         * @default text
         * @enum {string}
         */
        format: 'text' | 'int' | 'date' | 'id_card' | 'uscc' | 'division';
        /** @default false */
        required: boolean;
        label: string;
        /** @default null */
        example: string | null;
      }[];
      keyField: string;
      pageSizeMax: number;
      timeoutMs: number;
      /** @enum {string} */
      status: 'active' | 'disabled';
      served: boolean;
      /** @description GET this path with the signature headers */
      gatewayPath: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    ExchangeApiUpdate: {
      /** @enum {string} */
      access: 'logical' | 'physical' | 'forward';
      /** @default null */
      sourceId: string | null;
      resourceName: string;
      fields: {
        name: string;
        column: string;
        label: string;
        /**
         * @default text
         * @enum {string}
         */
        type: 'text' | 'int' | 'decimal' | 'date' | 'datetime' | 'bool';
        /** @default false */
        sensitive: boolean;
        /** @default null */
        mask:
          | (
              | 'none'
              | 'redact'
              | 'show_last_4'
              | 'show_first_4'
              | 'hash'
              | 'null'
              | 'date_show_year'
              | 'name'
              | 'id_card_6_4'
              | 'id_card_1_1'
              | 'mobile'
              | 'landline'
              | 'address'
              | 'bank_card'
              | 'email'
              | 'plate'
            )
          | null;
      }[];
      /** @default [] */
      params: {
        name: string;
        field: string;
        /** @enum {string} */
        op: 'eq' | 'gte' | 'lte' | 'prefix';
        /**
         * @default text
         * @enum {string}
         */
        format: 'text' | 'int' | 'date' | 'id_card' | 'uscc' | 'division';
        /** @default false */
        required: boolean;
        label: string;
        /** @default null */
        example: string | null;
      }[];
      keyField: string;
      /** @default 100 */
      pageSizeMax: number;
      /** @default 5000 */
      timeoutMs: number;
      /**
       * @default active
       * @enum {string}
       */
      status: 'active' | 'disabled';
      version: number;
    };
    Grant: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      entryId: string;
      resourceCode: string;
      entryName: string;
      /** Format: uuid */
      providerDepartmentId: string;
      providerDepartmentName: string;
      /** Format: uuid */
      consumerDepartmentId: string;
      consumerDepartmentName: string;
      appId: string | null;
      appName: string | null;
      appKey: string | null;
      /** @description The entry's gateway API, when the provider declared one */
      apiId: string | null;
      /** @enum {string} */
      method: 'api' | 'table' | 'file';
      fields: string[];
      rowFilter: {
        field: string;
        /** @enum {string} */
        op: 'eq' | 'gte' | 'lte' | 'prefix' | 'in';
        value: string | number | (string | number)[];
      }[];
      masks: {
        [key: string]:
          | 'none'
          | 'redact'
          | 'show_last_4'
          | 'show_first_4'
          | 'hash'
          | 'null'
          | 'date_show_year'
          | 'name'
          | 'id_card_6_4'
          | 'id_card_1_1'
          | 'mobile'
          | 'landline'
          | 'address'
          | 'bank_card'
          | 'email'
          | 'plate';
      };
      purpose: string;
      /** Format: date-time */
      validFrom: string;
      /** Format: date-time */
      validTo: string;
      callsPerDay: number | null;
      callsPerSecond: number | null;
      /** @enum {string} */
      status: 'active' | 'revoked';
      /** @enum {string} */
      state: 'pending' | 'active' | 'expired' | 'revoked';
      revokedAt: string | null;
      revokeReason: string | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
    };
    GrantRevoke: {
      version: number;
      reason: string;
    };
    GatewayCall: {
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      calledAt: string;
      appId: string | null;
      appKey: string | null;
      appName: string | null;
      consumerDepartmentId: string | null;
      consumerDepartmentName: string | null;
      grantId: string | null;
      apiId: string | null;
      providerDepartmentId: string | null;
      resourceCode: string | null;
      fields: string[];
      rowCount: number;
      requestDigest: string;
      responseDigest: string | null;
      status: number;
      code: string | null;
      latencyMs: number;
      /** @description Its leaf in the evidence log: GET /api/v1/exchange/calls/{id}/proof */
      leafIndex: number;
    };
    CallStats: {
      total: number;
      refused: number;
      rows: number;
      days: {
        day: string;
        calls: number;
        refused: number;
      }[];
      codes: {
        code: string;
        calls: number;
      }[];
      latency: {
        p50: number | null;
        p95: number | null;
        p99: number | null;
      };
    };
    ExchangeOverview: {
      callsToday: number;
      callsTotal: number;
      rowsToday: number;
      /** @description Rows distribution jobs wrote into consumers today */
      tableRowsToday: number;
      liveGrants: number;
      servedApis: number;
      byDepartment: {
        /** Format: uuid */
        departmentId: string;
        departmentName: string;
        /** @enum {string} */
        method: 'api' | 'table' | 'file';
        /** @enum {string} */
        role: 'provider' | 'consumer';
        /** @description Gateway calls (api) or distribution runs (table) */
        calls: number;
        rows: number;
        grants: number;
      }[];
      /** @description Return flow (回流): runs and rows per lower node of the cascade */
      returns: {
        /** Format: uuid */
        nodeId: string;
        nodeName: string;
        regionCode: string;
        runs: number;
        rows: number;
        rowsToday: number;
      }[];
    };
    ApiSamples: {
      curl: string;
      typescript: string;
      java: string;
      python: string;
      /** @description The gateway path with example values of the required parameters */
      exampleUrl: string;
    };
    ExchangeJobColumn: {
      name: string;
      type: string;
      dataType: string;
    };
    ExchangeJobDrift: {
      column: string;
      /** @enum {string} */
      change: 'missing' | 'type';
      was: string;
      now: string | null;
    };
    ExchangeRun: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      jobId: string;
      /** @enum {string} */
      trigger: 'schedule' | 'manual';
      /** @enum {string} */
      status: 'queued' | 'running' | 'done' | 'failed' | 'drift';
      attempts: number;
      phase: ('schema' | 'copy' | 'deletes') | null;
      rowsRead: number;
      rowsWritten: number;
      rowsDeleted: number;
      batches: number;
      errorCode: string | null;
      errorMessage: string | null;
      drift: components['schemas']['ExchangeJobDrift'][] | null;
      /** @description When a failed run is tried again (queued runs only) */
      nextAttemptAt: string | null;
      /** Format: date-time */
      createdAt: string;
      startedAt: string | null;
      heartbeatAt: string | null;
      finishedAt: string | null;
      durationMs: number | null;
    };
    ExchangeJob: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'aggregate' | 'distribute' | 'return';
      name: string;
      /** Format: uuid */
      departmentId: string;
      departmentName: string;
      /** Format: uuid */
      entryId: string;
      resourceCode: string;
      entryName: string;
      /** Format: uuid */
      providerDepartmentId: string;
      providerDepartmentName: string;
      mountId: string | null;
      grantId: string | null;
      sourceId: string | null;
      sourceName: string | null;
      sourceKind: string | null;
      /** @description Return flow: the lower node of the cascade the rows go to */
      nodeId: string | null;
      nodeName: string | null;
      regionColumn: string | null;
      regionPrefix: string | null;
      /** @description Aggregation: the source table; distribution: the table in the consumer database */
      remoteTable: string;
      /** @description The store table, `schema.table`, in the platform's database */
      storeTable: string;
      keyColumn: string;
      columns: components['schemas']['ExchangeJobColumn'][];
      /** @enum {string} */
      mode: 'full' | 'incremental';
      watermarkColumn: string | null;
      watermark: string | null;
      detectDeletes: boolean;
      batchSize: number;
      /** @enum {string} */
      schedule: 'manual' | 'cycle' | 'cron';
      cron: string | null;
      nextRunAt: string | null;
      /** @enum {string} */
      status: 'active' | 'paused' | 'drift';
      drift: components['schemas']['ExchangeJobDrift'][] | null;
      lastRun: components['schemas']['ExchangeRun'] | null;
      /** @description What the caller may do: the owner's departments run and edit, the provider watches */
      actions: ('run' | 'edit')[];
      version: number;
      /** Format: date-time */
      createdAt: string;
    };
    /** @enum {string} */
    SourceKind: 'postgresql' | 'mysql' | 'file' | 'http_json';
    /** @enum {string} */
    SourceTestStep: 'dns' | 'connect' | 'auth' | 'database' | 'permission' | 'read';
    /** @enum {string} */
    NormalizedColumnType: 'char' | 'int' | 'decimal' | 'date' | 'datetime' | 'time' | 'bool' | 'text' | 'other';
    DatabaseConnection: {
      host: string;
      port?: number;
      database: string;
      user: string;
      schema?: string | null;
    };
    HttpJsonConnection: {
      /** Format: uri */
      url: string;
      /** @constant */
      method?: 'GET';
      jsonPath?: string | null;
    };
    SourceHeaderInput: {
      name: string;
      value?: string;
    };
    DataSourceCreate:
      | {
          /** Format: uuid */
          departmentId: string;
          name: string;
          description?: string;
          /** @constant */
          kind: 'postgresql';
          connection: components['schemas']['DatabaseConnection'];
          password?: string;
        }
      | {
          /** Format: uuid */
          departmentId: string;
          name: string;
          description?: string;
          /** @constant */
          kind: 'mysql';
          connection: components['schemas']['DatabaseConnection'];
          password?: string;
        }
      | {
          /** Format: uuid */
          departmentId: string;
          name: string;
          description?: string;
          /** @constant */
          kind: 'http_json';
          connection: components['schemas']['HttpJsonConnection'];
          headers?: components['schemas']['SourceHeaderInput'][];
        }
      | {
          /** Format: uuid */
          departmentId: string;
          name: string;
          description?: string;
          /** @constant */
          kind: 'file';
        };
    DataSourceUpdate: {
      name?: string;
      description?: string;
      /** @enum {string} */
      status?: 'active' | 'disabled';
      connection?: components['schemas']['DatabaseConnection'] | components['schemas']['HttpJsonConnection'];
      password?: string | null;
      headers?: components['schemas']['SourceHeaderInput'][];
      version: number;
    };
    SourceTestRequest:
      | {
          /** @constant */
          kind: 'postgresql';
          connection: components['schemas']['DatabaseConnection'];
          password?: string;
          /** Format: uuid */
          sourceId?: string;
        }
      | {
          /** @constant */
          kind: 'mysql';
          connection: components['schemas']['DatabaseConnection'];
          password?: string;
          /** Format: uuid */
          sourceId?: string;
        }
      | {
          /** @constant */
          kind: 'http_json';
          connection: components['schemas']['HttpJsonConnection'];
          headers?: components['schemas']['SourceHeaderInput'][];
          /** Format: uuid */
          sourceId?: string;
        };
    SourceTestResult: {
      /** @enum {string} */
      status: 'ok' | 'failed';
      step: components['schemas']['SourceTestStep'] | null;
      code: string | null;
      message: string;
      elapsedMs: number;
      /** Format: date-time */
      at: string;
    };
    DataSource:
      | {
          /** Format: uuid */
          id: string;
          /** Format: uuid */
          departmentId: string;
          departmentName: string;
          name: string;
          description: string;
          /** @enum {string} */
          status: 'active' | 'disabled';
          lastTest: components['schemas']['SourceTestResult'] | null;
          version: number;
          /** Format: date-time */
          createdAt: string;
          /** Format: date-time */
          updatedAt: string;
          /** @constant */
          kind: 'postgresql';
          connection: {
            host: string;
            port: number;
            database: string;
            user: string;
            schema: string | null;
          };
          hasPassword: boolean;
        }
      | {
          /** Format: uuid */
          id: string;
          /** Format: uuid */
          departmentId: string;
          departmentName: string;
          name: string;
          description: string;
          /** @enum {string} */
          status: 'active' | 'disabled';
          lastTest: components['schemas']['SourceTestResult'] | null;
          version: number;
          /** Format: date-time */
          createdAt: string;
          /** Format: date-time */
          updatedAt: string;
          /** @constant */
          kind: 'mysql';
          connection: {
            host: string;
            port: number;
            database: string;
            user: string;
            schema: string | null;
          };
          hasPassword: boolean;
        }
      | {
          /** Format: uuid */
          id: string;
          /** Format: uuid */
          departmentId: string;
          departmentName: string;
          name: string;
          description: string;
          /** @enum {string} */
          status: 'active' | 'disabled';
          lastTest: components['schemas']['SourceTestResult'] | null;
          version: number;
          /** Format: date-time */
          createdAt: string;
          /** Format: date-time */
          updatedAt: string;
          /** @constant */
          kind: 'http_json';
          connection: {
            url: string;
            /** @constant */
            method: 'GET';
            jsonPath: string | null;
            headerNames: string[];
          };
        }
      | {
          /** Format: uuid */
          id: string;
          /** Format: uuid */
          departmentId: string;
          departmentName: string;
          name: string;
          description: string;
          /** @enum {string} */
          status: 'active' | 'disabled';
          lastTest: components['schemas']['SourceTestResult'] | null;
          version: number;
          /** Format: date-time */
          createdAt: string;
          /** Format: date-time */
          updatedAt: string;
          /** @constant */
          kind: 'file';
          connection: {
            fileName: string | null;
            fileSize: number | null;
            sha256: string | null;
            format: ('csv' | 'xlsx') | null;
            rowCount: number | null;
            uploadedAt: string | null;
          };
        };
    SourceTable: {
      schema: string | null;
      name: string;
      /** @enum {string} */
      kind: 'table' | 'view';
      estimatedRows: number | null;
      comment: string | null;
    };
    SourceColumn: {
      name: string;
      position: number;
      dataType: string;
      normalizedType: components['schemas']['NormalizedColumnType'];
      length: number | null;
      precision: number | null;
      scale: number | null;
      nullable: boolean;
      primaryKey: boolean;
      comment: string | null;
    };
    FileUpload: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      entryId: string;
      fileName: string;
      mediaType: string;
      size: number;
      sm3: string;
      chunkSize: number;
      chunkCount: number;
      /** @description Chunks received and checked */
      received: number[];
      /** @description Chunks still to send: a resumed upload sends these */
      missing: number[];
      /** @enum {string} */
      status: 'uploading' | 'complete' | 'failed' | 'abandoned' | 'expired';
      failure: string | null;
      fileId: string | null;
      /** Format: date-time */
      expiresAt: string;
      /** Format: date-time */
      createdAt: string;
    };
    FileChunkReceipt: {
      /** Format: uuid */
      uploadId: string;
      index: number;
      size: number;
      sm3: string;
      /** @description Chunks received so far (GET the upload for which are missing) */
      receivedCount: number;
      chunkCount: number;
    };
    FileUploadSummary: {
      /** Format: uuid */
      id: string;
      fileName: string;
      size: number;
      sm3: string;
      chunkSize: number;
      chunkCount: number;
      receivedCount: number;
      /** @description The user who started the upload */
      createdBy: string | null;
      /** @description That user's display name */
      createdByName: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string;
    };
    FileLinkSummary: {
      /** Format: uuid */
      id: string;
      departmentName: string;
      grantId: string | null;
      /** Format: date-time */
      expiresAt: string;
      maxDownloads: number | null;
      downloads: number;
      revokedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Whether the link downloads now, as the download judges it */
      live: boolean;
      /** @description Whether the grant behind the link stopped it, at or before the link's own expiry: its validity period ended, or it was revoked; null otherwise */
      stoppedByGrant: ('ended' | 'revoked') | null;
    };
    ExchangeFile: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      entryId: string;
      version: number;
      fileName: string;
      mediaType: string;
      size: number;
      sm3: string;
      note: string;
      /** Format: date-time */
      createdAt: string;
    };
    FileLink: {
      /** Format: uuid */
      id: string;
      /** @description The download path; anyone holding it may download until it expires */
      url: string;
      /** Format: date-time */
      expiresAt: string;
      maxDownloads: number | null;
    };
    ReturnedTable: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      flowId: string;
      flowName: string;
      /** Format: uuid */
      entryId: string;
      resourceCode: string;
      entryName: string;
      departmentName: string;
      fromNode: string;
      storeTable: string;
      regionPrefix: string;
      rows: number;
      lastReceivedAt: string | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
