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

  it('says which password rule was broken, as the server does', () => {
    const weak = (m: string) => errorText(new ApiError(400, 'weak_password', m));
    applyLanguage('es', null);
    expect(weak('An admin password needs at least 12 characters')).toBe(
      'La contraseña necesita al menos 12 caracteres.',
    );
    expect(weak('This password is one of the most common passwords; choose another')).toBe(
      'Esta contraseña es una de las más comunes; elija otra.',
    );
    expect(weak('The password must not be the email address or the name')).toBe(
      'La contraseña no puede ser la dirección de correo ni el nombre.',
    );
    applyLanguage('en', null);
    expect(weak('Something new')).toMatch(/^This password is too weak/);
  });

  it('shows a refusal it does not know as the server wrote it, never as nothing', () => {
    applyLanguage('es', null);
    expect(errorText(new ApiError(418, 'teapot', 'I am a teapot'))).toBe('I am a teapot');
    expect(errorText(new Error('boom'))).toBe('boom');
    expect(errorText('plain')).toBe('plain');
  });
});
