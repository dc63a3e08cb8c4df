// What docker/cli does with a --format value (formatter.Context and inspect.Inspect):
// `table …` gets a header row and column alignment, `json` is `{{json .}}`, anything else
// is a template printed once per item; `\t` and `\n` typed literally become tab and newline.
import { tabwrite } from './table';
import { Template, TemplateError } from './template';

export type Formatted = { ok: true; output: string } | { ok: false; error: string; exitCode: number };

export interface ListFormat {
  /** the header of each field, as `docker ps` names them: `{ ID: 'CONTAINER ID', Image: 'IMAGE' }` */
  headers: Readonly<Record<string, string>>;
  /** the command's default table, used for an empty format or a bare `table` */
  defaultTable: string;
  /** Go type named in errors about unknown fields: `*formatter.ContainerContext` */
  rootType: string;
}

const parsingError = (e: unknown): Formatted => {
  if (e instanceof TemplateError) return { ok: false, error: `template parsing error: ${e.message}`, exitCode: 1 };
  throw e;
};

/** formatter.Context's preFormat: which template, and whether it is a table. */
export function resolveFormat(format: string, defaultTable: string): { template: string; table: boolean } {
  let text = format === '' || format === 'table' ? defaultTable : format;
  const table = text.startsWith('table');
  if (table) text = text.slice('table'.length);
  else if (text === 'json') text = '{{json .}}';
  text = text.replace(/^ +| +$/g, '').replaceAll('\\t', '\t').replaceAll('\\n', '\n');
  return { template: text, table };
}

/** Formats the rows of a listing (`docker ps`, `images`, `history`, `system df`). */
export function formatList(format: string, rows: readonly unknown[], spec: ListFormat): Formatted {
  const { template: source, table } = resolveFormat(format, spec.defaultTable);
  let template: Template;
  try {
    template = new Template(source);
  } catch (e) {
    return parsingError(e);
  }
  let body = '';
  try {
    for (const row of rows) body += template.execute(row, { rootType: spec.rootType }) + '\n';
  } catch (e) {
    return parsingError(e);
  }
  if (!table) return { ok: true, output: body };
  let header = '';
  try {
    header = template.execute(spec.headers, { header: true });
  } catch {
    // Docker ignores a header that fails to render
  }
  return { ok: true, output: tabwrite((header + '\n' + body).split('\n')).join('\n') };
}

/**
 * `docker inspect [-f FORMAT]`: no format is an indented JSON array, `json` a compact one, a
 * template is run on each item with missingkey=error. A bad template is exit 64; items
 * whose template fails are reported on stderr (exit 1) after the others are printed.
 */
export function formatInspect(format: string, items: readonly unknown[]): { output: string; errors: string[]; exitCode: number } {
  if (format === '') return { output: JSON.stringify(items, null, 4) + '\n', errors: [], exitCode: 0 };
  if (format === 'json') return { output: JSON.stringify(items) + '\n', errors: [], exitCode: 0 };
  let template: Template;
  try {
    template = new Template(format);
  } catch (e) {
    const failed = parsingError(e) as { error: string };
    return { output: '', errors: [failed.error], exitCode: 64 };
  }
  let output = '';
  const errors: string[] = [];
  for (const item of items) {
    try {
      output += template.execute(item, { missingKeyError: true }) + '\n';
    } catch (e) {
      errors.push((parsingError(e) as { error: string }).error);
    }
  }
  return { output: output === '' ? '\n' : output, errors, exitCode: errors.length ? 1 : 0 };
}
