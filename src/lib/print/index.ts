// The printing core, pure and I/O-free: template (mm) -> layout (dots) -> encoder -> bytes. Transports,
// the print queue, the worker API and the designer UI build on these exports; none of them is here.
export { Template, Element, Media, parseTemplate, TemplateError, type TemplateInput, type ElementInput } from './template';
export { FIELDS, FORMAT_NAMES, checkFieldRefs, missingRequired, renderValue, contextLookup, shipmentItems, type PrintContext, type ItemRow, type FieldDef } from './fields';
export { aggregatePickList, type PickBatch, type PickRow, type PickListInput } from './pick-list';
export { estimateMetrics, monospaceCjkMetrics, wrapText, truncateLine, type TextMetrics } from './text-metrics';
export {
  layoutTemplate,
  defaultTarget,
  dotsPerMm,
  LayoutError,
  MissingFieldsError,
  type LabelLayout,
  type LayoutPage,
  type LayoutItem,
  type LayoutTarget,
  type LayoutWarning
} from './layout';
export { BUILTIN_TEMPLATES, builtinTemplate } from './builtin-templates';
export { PrinterProfile, defaultProfile, targetFor, metricsFor, type PrinterLanguage, type PrinterProfileInput } from './profiles';
export { encodeLayout, encodeTspl, encodeZpl, encodeEscpos, EncodeError, type EncodeOptions } from './encoders';
export { fallbackGlyphs, GlyphMissingError, type GlyphRenderer } from './glyphs';
export { rasterizePage, drawItems } from './rasterize';
export { bitmapFromRgba, bitmapToRgba, createBitmap, type Bitmap } from './raster';
export { encodeGbk, encodeGb18030 } from './text-codec';
