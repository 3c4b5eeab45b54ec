export * from './indicator-value';
export * from './units';
export * from './money';
export * from './amount';
