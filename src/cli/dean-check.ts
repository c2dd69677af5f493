#!/usr/bin/env node
/** The `dean-check` command: see main.ts for the contract. */
import { main } from "./main";

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
