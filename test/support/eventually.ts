/** The tests' eventually() (kept in support/, where the process launcher bench/ shares also waits with it). */
export { Unreachable, eventually } from '../../support/eventually.js';
