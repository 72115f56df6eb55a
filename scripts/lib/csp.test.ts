import { describe, expect, it } from 'vitest';
import { appPolicy, catalogueOrigins, imageOrigins, modelHost } from './csp';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe('appPolicy', () => {
  it('allows only the own origin by default, and WebAssembly but no string evaluation', () => {
    const policy = appPolicy(null);
    expect(directive(policy, 'default-src')).toBe("'self'");
    expect(directive(policy, 'connect-src')).toBe("'self'");
    expect(directive(policy, 'script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toContain("'unsafe-inline'");
    expect(directive(policy, 'object-src')).toBe("'none'");
  });

  it('adds the configured model host to connections only', () => {
    const policy = appPolicy('https://models.example.org/private-recs/');
    expect(directive(policy, 'connect-src')).toBe("'self' https://models.example.org");
    expect(directive(policy, 'script-src')).toBe("'self' 'wasm-unsafe-eval'");
  });
});

describe('modelHost', () => {
  it('reads VITE_MODEL_ROOT, and refuses a plain-http host', () => {
    expect(modelHost({})).toBeNull();
    expect(modelHost({ VITE_MODEL_ROOT: ' ' })).toBeNull();
    expect(modelHost({ VITE_MODEL_ROOT: 'https://m.example/models/' })).toBe(
      'https://m.example/models/',
    );
    expect(() => modelHost({ VITE_MODEL_ROOT: 'http://m.example/' })).toThrow('https');
  });
});

describe('catalogueOrigins', () => {
  it('reads VITE_CATALOGUE_ORIGINS into origins for connect-src, and refuses bad entries', () => {
    expect(catalogueOrigins({})).toEqual([]);
    const origins = catalogueOrigins({
      VITE_CATALOGUE_ORIGINS:
        'https://shop.example/catalogue.json, https://cdn.example http://localhost:8080',
    });
    expect(origins).toEqual([
      'https://shop.example',
      'https://cdn.example',
      'http://localhost:8080',
    ]);
    expect(directive(appPolicy(null, origins), 'connect-src')).toBe(
      "'self' https://shop.example https://cdn.example http://localhost:8080",
    );
    expect(() => catalogueOrigins({ VITE_CATALOGUE_ORIGINS: 'http://shop.example' })).toThrow(
      'https',
    );
    expect(() => catalogueOrigins({ VITE_CATALOGUE_ORIGINS: 'shop.example' })).toThrow('not a URL');
  });
});

describe('imageOrigins', () => {
  it('reads VITE_IMAGE_ORIGINS into img-src; images are only self and data: otherwise', () => {
    expect(directive(appPolicy(null), 'img-src')).toBe("'self' data:");
    const origins = imageOrigins({ VITE_IMAGE_ORIGINS: 'self, https://img.example/photos/' });
    expect(origins).toEqual(['https://img.example']);
    expect(directive(appPolicy(null, [], origins), 'img-src')).toBe(
      "'self' data: https://img.example",
    );
    expect(() => imageOrigins({ VITE_IMAGE_ORIGINS: 'http://img.example' })).toThrow('https');
  });
});
