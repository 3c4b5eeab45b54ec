/**
 * The types of a family definition, for the built-in families and their users. The shape is
 * part of the model (a learned table carries its definition): it lives in shared/model/family-types.ts.
 */
export type * from '../model/family-types';
