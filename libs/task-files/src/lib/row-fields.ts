import { type IssueKind, type RowIssue } from './row-issue';
import { parseStrictNumber } from './strict-number';

/** A field that was found under one of its accepted names. */
export interface FoundField {
  /** The name the file used, e.g. `max_tokens`; issues name the field this way. */
  name: string;
  value: unknown;
}

/**
 * The fields of one row, read with the rules of its format. In CSV every value is text: an
 * empty cell is absent, numbers are parsed strictly and JSON fields (`messages`, `metadata`)
 * are JSON text in the cell. In JSONL values are taken as they are and `null` is absent.
 * Problems are added to `issues`.
 */
export class RowFields {
  constructor(
    /** Own properties only are read. */
    private readonly fields: Readonly<Record<string, unknown>>,
    private readonly csv: boolean,
    readonly row: number,
    readonly issues: RowIssue[],
  ) {}

  /** The raw value of a field (own property), or undefined. */
  raw(name: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.fields, name) ? this.fields[name] : undefined;
  }

  /** The first present field among `names`; when several are, an issue and undefined. */
  find(...names: string[]): FoundField | undefined {
    let found: FoundField | undefined;
    for (const name of names) {
      if (!this.present(name)) continue;
      if (found) {
        this.issue(name, `cannot be combined with ${found.name}; give one of them`, 'invalid');
        return undefined;
      }
      found = { name, value: this.raw(name) };
    }
    return found;
  }

  /** A number field: in CSV parsed strictly (an issue when it is not a number). */
  number(field: FoundField | undefined): unknown {
    if (!field || !this.csv) return field?.value;
    const parsed = parseStrictNumber(String(field.value));
    if (parsed === undefined) this.issue(field.name, 'must be a number', 'type');
    return parsed;
  }

  /** A JSON field: in CSV the cell's JSON text is parsed (an issue when it is not JSON). */
  json(field: FoundField | undefined): unknown {
    if (!field || !this.csv) return field?.value;
    try {
      return JSON.parse(String(field.value)) as unknown;
    } catch {
      this.issue(field.name, 'is not valid JSON', 'type');
      return undefined;
    }
  }

  /**
   * An identifier field (`id`, `corr_id`, …): a non-empty string of at most `max` characters;
   * in JSONL an integer is accepted too and becomes its decimal text.
   */
  identifier(field: FoundField | undefined, max = 200): string | undefined {
    if (!field) return undefined;
    const { name, value } = field;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (typeof value !== 'string') {
      this.issue(name, 'must be a string', 'type');
      return undefined;
    }
    if (value === '') {
      this.issue(name, 'must not be empty', 'type');
      return undefined;
    }
    if (value.length > max) {
      this.issue(name, `must be at most ${max} characters`, 'type');
      return undefined;
    }
    return value;
  }

  issue(field: string, message: string, kind: IssueKind): void {
    this.issues.push({ row: this.row, field, message, kind });
  }

  private present(name: string): boolean {
    const value = this.raw(name);
    return this.csv ? value !== undefined && value !== '' : value !== undefined && value !== null;
  }
}
