import { terraformEventSchema, type TerraformEvent } from '../../../shared/contract/terraform';

export type OutputStream = 'stdout' | 'stderr';

const MODELLED_TYPES = new Set<string>(
  terraformEventSchema.options.flatMap((option) => {
    const type = option.shape.type;
    return 'options' in type ? [...type.options] : [type.value];
  }),
);
MODELLED_TYPES.delete('other');
MODELLED_TYPES.delete('raw');

/**
 * One line of Terraform's output as a typed event. A JSON line of a type Liaison does not model, or
 * whose shape changed, becomes `other` (its message kept); anything else is a `raw` line. Never throws.
 */
export function parseTerraformLine(line: string, stream: OutputStream): TerraformEvent {
  const raw: TerraformEvent = { type: 'raw', stream, text: line };
  if (stream !== 'stdout' || !line.startsWith('{')) return raw;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return raw;
  }
  if (!isRecord(value) || typeof value.type !== 'string' || typeof value['@message'] !== 'string') return raw;
  const { '@level': level, '@message': message, '@timestamp': timestamp, '@module': _module, ...payload } = value;
  const common = { level: String(level ?? 'info'), message, timestamp: String(timestamp ?? '') };
  if (MODELLED_TYPES.has(value.type)) {
    const parsed = terraformEventSchema.safeParse({ ...payload, ...common });
    if (parsed.success) return parsed.data;
  }
  return { type: 'other', ...common, terraformType: value.type };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
