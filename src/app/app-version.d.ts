/** The build's version (vite `define`, from package.json), reported with each push (CO11). */
declare const __APP_VERSION__: string;
