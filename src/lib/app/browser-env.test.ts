import { describe, expect, test } from 'vitest';
import { detectSystem } from './browser-env';

describe('the setup help opens on the station system', () => {
  test('desktop systems by their user agent', () => {
    expect(detectSystem('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36')).toBe('windows');
    expect(detectSystem('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/126.0 Safari/537.36')).toBe('macos');
    expect(detectSystem('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36')).toBe('linux');
    expect(detectSystem('Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 Chrome/126.0 Safari/537.36')).toBe('linux');
    expect(detectSystem('')).toBe('windows');
  });
  test('tablets: Android, and an iPad even when it asks for the desktop site', () => {
    expect(detectSystem('Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 Chrome/126.0 Safari/537.36', 5)).toBe('android');
    expect(detectSystem('Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1', 5)).toBe('ipad');
    expect(detectSystem('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15', 5)).toBe('ipad');
  });
});
