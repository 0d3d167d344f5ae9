// Validate an OpenAPI document against the official schemas. Usage: node openapi.mjs FILE
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";

const validator = new Validator();
const result = await validator.validate(JSON.parse(readFileSync(process.argv[2], "utf8")));
console.log(JSON.stringify({ valid: result.valid, version: validator.version, errors: result.errors ?? null }));
