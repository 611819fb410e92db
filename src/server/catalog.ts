import type { Endpoint } from '../domain/endpoints.js';
import type { Payload } from '../domain/payloads.js';

/** The EcoMarket categories the mock server lists on `/api/categorias`. */
export const CATEGORIAS: Payload<'categorias'> = [
  { id: 1, nombre: 'Frutas y verduras' },
  { id: 2, nombre: 'Lácteos' },
  { id: 3, nombre: 'Panadería' },
  { id: 4, nombre: 'Despensa' },
  { id: 5, nombre: 'Bebidas' },
  { id: 6, nombre: 'Limpieza ecológica' },
];

/** The EcoMarket catalogue the mock server lists on `/api/productos` (20 products). */
export const PRODUCTOS: Payload<'productos'> = [
  { id: 1, nombre: 'Manzanas orgánicas (1 kg)', precio: 3.2, categoria: 'Frutas y verduras', stock: 120 },
  { id: 2, nombre: 'Plátanos de comercio justo (1 kg)', precio: 2.1, categoria: 'Frutas y verduras', stock: 95 },
  { id: 3, nombre: 'Espinacas frescas (300 g)', precio: 1.9, categoria: 'Frutas y verduras', stock: 40 },
  { id: 4, nombre: 'Tomates de huerta (1 kg)', precio: 2.75, categoria: 'Frutas y verduras', stock: 64 },
  { id: 5, nombre: 'Leche de avena (1 l)', precio: 2.4, categoria: 'Lácteos', stock: 80 },
  { id: 6, nombre: 'Yogur natural de granja', precio: 1.35, categoria: 'Lácteos', stock: 150 },
  { id: 7, nombre: 'Queso fresco artesanal (250 g)', precio: 4.6, categoria: 'Lácteos', stock: 22 },
  { id: 8, nombre: 'Mantequilla ecológica (200 g)', precio: 3.1, categoria: 'Lácteos', stock: 35 },
  { id: 9, nombre: 'Pan integral de masa madre', precio: 3.8, categoria: 'Panadería', stock: 18 },
  { id: 10, nombre: 'Baguette de espelta', precio: 2.2, categoria: 'Panadería', stock: 26 },
  { id: 11, nombre: 'Galletas de avena y miel', precio: 2.95, categoria: 'Panadería', stock: 48 },
  { id: 12, nombre: 'Arroz integral (1 kg)', precio: 2.6, categoria: 'Despensa', stock: 70 },
  { id: 13, nombre: 'Lentejas pardinas (500 g)', precio: 1.8, categoria: 'Despensa', stock: 88 },
  { id: 14, nombre: 'Aceite de oliva virgen extra (750 ml)', precio: 9.5, categoria: 'Despensa', stock: 30 },
  { id: 15, nombre: 'Quinoa real (500 g)', precio: 4.25, categoria: 'Despensa', stock: 45 },
  { id: 16, nombre: 'Café de altura molido (250 g)', precio: 5.9, categoria: 'Bebidas', stock: 52 },
  { id: 17, nombre: 'Té verde a granel (100 g)', precio: 4.1, categoria: 'Bebidas', stock: 37 },
  { id: 18, nombre: 'Zumo de naranja exprimido (1 l)', precio: 3.45, categoria: 'Bebidas', stock: 28 },
  { id: 19, nombre: 'Detergente biodegradable (1,5 l)', precio: 6.7, categoria: 'Limpieza ecológica', stock: 41 },
  { id: 20, nombre: 'Jabón de Castilla (3 uds.)', precio: 4.9, categoria: 'Limpieza ecológica', stock: 60 },
];

/** The signed-in shopper the mock server returns on `/api/perfil`. */
export const PERFIL: Payload<'perfil'> = { id: 42, nombre: 'Lucía Fernández', email: 'lucia.fernandez@ecomarket.example' };

/** Each endpoint's payload. */
export const CATALOG: { readonly [E in Endpoint]: Payload<E> } = { productos: PRODUCTOS, categorias: CATEGORIAS, perfil: PERFIL };
