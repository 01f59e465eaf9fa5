/**
 * N/ui/serverWidget (NetSuite help "N/ui/serverWidget Module"; members as in @hitc/netsuite-types):
 * createForm, createList, createAssistant (not emulated); Form with fields, field groups, tabs and
 * subtabs, sublists (LIST, STATICLIST, INLINEEDITOR, EDITOR), buttons, submit and reset buttons,
 * page links; the enums as NetSuite's string values. renderForm() draws a form as HTML close enough
 * to a NetSuite page to be used in a browser without JavaScript: one tab's content at a time, the
 * active tab marked in the tab bar, whose links set the page URL's selectedtab parameter; LIST/STATICLIST cells are written as HTML (as NetSuite writes them),
 * INLINEHTML fields as is, everything else escaped. Client scripts and addButton functions are not
 * run (the emulator has no client side).
 */
import { SuiteScriptError } from '../core/errors';
import {
  FieldType,
  FieldDisplayType,
  FieldBreakType,
  FieldLayoutType,
  SublistType,
  SublistDisplayType,
  FormPageLinkType,
  LayoutJustification,
  ListStyle,
  AssistantSubmitAction,
} from './serverWidget/constants';
import { Form, List } from './serverWidget/form';

export {
  FieldType,
  FieldDisplayType,
  FieldBreakType,
  FieldLayoutType,
  SublistType,
  SublistDisplayType,
  FormPageLinkType,
  LayoutJustification,
  ListStyle,
  AssistantSubmitAction,
} from './serverWidget/constants';
export { Button, Field, FieldGroup, Sublist, Tab } from './serverWidget/widgets';
export { Form, List } from './serverWidget/form';
export { escapeHtml, renderForm, renderList, renderPlainPage, type PageChrome } from './serverWidget/render';

export function createServerWidgetModule(): unknown {
  return {
    FieldType,
    FieldDisplayType,
    FieldBreakType,
    FieldLayoutType,
    SublistType,
    SublistDisplayType,
    FormPageLinkType,
    LayoutJustification,
    ListStyle,
    AssistantSubmitAction,
    createForm: (o: { title: string; hideNavBar?: boolean }) => new Form(o),
    createList: (o: { title: string }) => new List(o),
    createAssistant: () => {
      throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', 'serverWidget.createAssistant is not emulated');
    },
  };
}
