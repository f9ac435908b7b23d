// One lint config for the whole workspace. Module boundaries are the architecture:
// scope (who may use a project) × type (what layer it is). See docs/architecture.md.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const serverOnly = ['typeorm', '@nestjs/*', 'bullmq', 'ioredis', 'pg', 'express'];

export default [
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.next',
      '**/coverage',
      '**/.nx',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      '**/next-env.d.ts',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    // Nest resolves constructor parameters from decorator metadata: the rule must know that an
    // import used only as a parameter type is still needed at run time.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Secondary entries: `@gtr/<lib>/testing` (fixtures), and `@gtr/testing/system`
              // (starting the built apps, for the e2e suites and the benchmarks).
              group: ['@gtr/*/**', '!@gtr/*/testing', '!@gtr/testing/system'],
              message: 'Import a lib through its public entry point.',
            },
          ],
        },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: ['scope:shared', 'scope:backend'] },
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:shared', 'scope:frontend'] },
            { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:shared', 'scope:cli'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:engine',
                'type:data-access',
                'type:util',
                'type:feature',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:engine',
                'type:data-access',
                'type:util',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:engine',
                'type:data-access',
                'type:util',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:engine',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:testing'],
              bannedExternalImports: serverOnly,
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: [...serverOnly, 'openai', 'react', 'next'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:engine',
                'type:data-access',
                'type:util',
                'type:feature',
                'type:testing',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
];
