/** Public entry of shared/values: the 指标值 grammar, 计量单位 whitelist, exact money arithmetic and amount reading. */
export * from './indicator-value';
export * from './units';
export * from './money';
export * from './amount';
