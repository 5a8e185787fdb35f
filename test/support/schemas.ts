// Validators for the test suite: the OASIS SARIF schema (draft-04) and cilint's own JSON report schema.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const read = (path: string): object => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as object;

// Both packages are CommonJS: under NodeNext the class is the default export's `default`.
const draft04 = new AjvDraft04.default({ allErrors: true, strict: false });
addFormats.default(draft04);
/** Validate a SARIF log against the official SARIF 2.1.0 schema. */
export const validateSarif = draft04.compile(read('../fixtures/sarif/sarif-schema-2.1.0.json'));

/** Validate a JSON report against schemas/report.schema.json. */
export const validateReport = new Ajv.default({ allErrors: true, strict: false }).compile(read('../../schemas/report.schema.json'));
