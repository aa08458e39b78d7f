// The demo module's public face: the demo outlet (신문일보) written into an empty database
// through the other modules' services, and its articles for tests and benchmarks to compare.
export { demoArticles } from './demo-content.js'
export { type DemoServices, type SeedResult, seedDemo } from './seed-demo.js'
