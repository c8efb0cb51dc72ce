import { readFileSync } from 'node:fs';
import { functionTimes } from './profile.ts';
const events = JSON.parse(readFileSync(process.argv[2]!, 'utf8')).traceEvents;
const re = new RegExp(process.argv[3] ?? '.');
for (const f of functionTimes(events, new RegExp(process.argv[4] ?? "DedicatedWorker")).filter((f) => re.test(f.where)).sort((a, b) => b.total - a.total).slice(0, 40)) console.log(f.self.toFixed(0).padStart(6), f.total.toFixed(0).padStart(6), f.where);
