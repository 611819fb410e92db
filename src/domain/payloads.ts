import { z } from 'zod';
import type { Endpoint } from './endpoints.js';

/** A product of the EcoMarket catalogue. */
export const productoSchema = z.object({
  id: z.number().int(),
  nombre: z.string(),
  precio: z.number(),
  categoria: z.string(),
  stock: z.number().int(),
});

/** A product category. */
export const categoriaSchema = z.object({ id: z.number().int(), nombre: z.string() });

/** The signed-in user's profile. */
export const perfilSchema = z.object({ id: z.number().int(), nombre: z.string(), email: z.string() });

/** The expected shape of each endpoint's JSON body; the transport rejects anything else as `malformed`. */
export const payloadSchemas = {
  productos: z.array(productoSchema),
  categorias: z.array(categoriaSchema),
  perfil: perfilSchema,
} as const satisfies Record<Endpoint, z.ZodType>;

/** The data each endpoint delivers. */
export type Payload<E extends Endpoint = Endpoint> = z.infer<(typeof payloadSchemas)[E]>;

/** How many items a payload holds: an array's length, 1 for an object. */
export const countItems = (data: unknown): number => (Array.isArray(data) ? data.length : 1);
