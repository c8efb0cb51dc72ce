// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from './app-context';
import { ShareButton } from './ShareButton';
import { createAppStore } from './store';

const renderButton = () =>
  render(
    <AppProvider store={createAppStore()}>
      <ShareButton />
    </AppProvider>,
  );

// jsdom's page is http://localhost:3000/, and it has no clipboard: the link is offered to copy by hand.
describe('Copy share link on a localhost page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllEnvs();
  });

  it('warns that other devices cannot open the link, and says how to share it', () => {
    vi.stubEnv('VITE_PUBLIC_URL', '');
    renderButton();
    fireEvent.click(screen.getByRole('button', { name: 'Copy share link' }));
    expect(screen.getByRole('textbox', { name: /Copy it by hand/ })).toHaveProperty('value', expect.stringMatching(/^http:\/\/localhost:3000\/\?v=1/));
    const warning = screen.getByTestId('link-warning');
    expect(warning.textContent).toContain('This link points at localhost, this computer itself: phones and other computers cannot open it.');
    expect(warning.textContent).toContain('its published site');
    expect(screen.queryByRole('button', { name: 'Copy the published link' })).toBeNull();
  });

  it('offers the same link on the published site when the build names one', () => {
    vi.stubEnv('VITE_PUBLIC_URL', 'https://school.example/wardrobe/');
    renderButton();
    fireEvent.click(screen.getByRole('button', { name: 'Copy share link' }));
    const local = (screen.getByRole('textbox', { name: /Copy it by hand/ }) as HTMLInputElement).value;
    fireEvent.click(screen.getByRole('button', { name: 'Copy the published link' }));
    expect(screen.getByRole('textbox', { name: /Copy it by hand/ })).toHaveProperty('value', local.replace('http://localhost:3000/', 'https://school.example/wardrobe/'));
    // The published link opens anywhere: no warning left.
    expect(screen.queryByTestId('link-warning')).toBeNull();
  });
});
