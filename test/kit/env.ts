// Runs before each test file: the quiet, local environment n8n-core expects.
import 'reflect-metadata';

process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_RUNNERS_ENABLED = 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.GENERIC_TIMEZONE = 'UTC';
