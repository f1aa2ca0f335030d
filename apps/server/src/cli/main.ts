import { existsSync } from 'node:fs'
import { runCli } from './run.ts'

// Settings may live in a .env file beside where the command runs; real environment variables win.
if (existsSync('.env')) process.loadEnvFile('.env')
process.exitCode = await runCli(process.argv.slice(2), process.env)
