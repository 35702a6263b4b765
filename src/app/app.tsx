import type { Component } from 'solid-js';

/** Placeholder shell until the offline kiosk issue lands. */
export const App: Component = () => (
  <main>
    <h1>FairCase 展会知识产权投诉工作站</h1>
    <p>IP complaint desk</p>
  </main>
);
