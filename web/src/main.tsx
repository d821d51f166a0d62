import { render } from 'preact';
import { Wizard } from './wizard.tsx';

render(<Wizard />, document.getElementById('app')!);
