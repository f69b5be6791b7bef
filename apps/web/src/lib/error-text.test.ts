import { beforeEach, describe, expect, it } from 'vitest';
import { applyLanguage } from '../i18n/i18n.ts';
import { browser } from '../i18n/fake-browser.ts';
import { ApiError } from '../sync/api.ts';
import { errorText } from './error-text.ts';

const taken = new ApiError(409, 'code_taken', 'A presence state with code "online" already exists');

describe("a failed request in the user's words", () => {
  beforeEach(() => browser());

  it('says a known refusal in the language of the screen, not in the server’s English', () => {
    applyLanguage('es', null);
    expect(errorText(taken)).toBe('Ya existe un estado de asistencia con este código.');
    applyLanguage('en', null);
    expect(errorText(taken)).toBe('A presence state with this code already exists.');
  });

  it('keeps what was wrong in a refused form: the field and its rule', () => {
    applyLanguage('es', null);
    const bad = new ApiError(
      400,
      'validation_failed',
      'body/name must NOT have fewer than 1 characters',
    );
    expect(errorText(bad)).toBe(
      'El servidor no aceptó lo enviado (body/name must NOT have fewer than 1 characters).',
    );
  });

  it('shows a refusal it does not know as the server wrote it, never as nothing', () => {
    applyLanguage('es', null);
    expect(errorText(new ApiError(418, 'teapot', 'I am a teapot'))).toBe('I am a teapot');
    expect(errorText(new Error('boom'))).toBe('boom');
    expect(errorText('plain')).toBe('plain');
  });
});
