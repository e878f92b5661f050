import { parse } from '@cdktf/hcl2json';

/**
 * Parses HCL with HashiCorp's own parser (compiled to WASM by @cdktf/hcl2json). It decodes `\"`,
 * `\\`, `\n`, `\uNNNN` but hands template text back as written, so the two template escapes are undone
 * here to get the value Terraform would see (checked against `terraform console` in the golden test).
 */
export async function parseHcl(content: string): Promise<Record<string, unknown>> {
  return unescapeTemplates(await parse('main.tf', content)) as Record<string, unknown>;
}

export function unescapeTemplateText(text: string): string {
  return text.replaceAll('$${', '${').replaceAll('%%{', '%{');
}

function unescapeTemplates(value: unknown): unknown {
  if (typeof value === 'string') return unescapeTemplateText(value);
  if (Array.isArray(value)) return value.map(unescapeTemplates);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, unescapeTemplates(each)]));
  }
  return value;
}
