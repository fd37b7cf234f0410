import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Core tables in schema.ts; each later feature keeps its tables in schema-<feature>.ts.
  schema: './src/db/schema*.ts',
  out: './src/db/migrations',
});
