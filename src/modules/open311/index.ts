export { open311Module } from './manifest.js';
