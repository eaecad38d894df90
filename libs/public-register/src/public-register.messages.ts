import { registerMessages } from '@samverkan/core';

registerMessages({
  'publicRegister.namesNeedOrganisations': {
    sv: '{field}: medlemmarnas namn visas vid organisationernas platser; publicera organisationerna också.',
    da: '{field}: medlemmernes navne vises ved organisationernes pladser; offentliggør også organisationerne.',
    en: '{field}: members\' names are shown with their organisations\' seats; publish the organisations too.',
  },
  'publicRegister.organisationsNeedGroups': {
    sv: '{field}: organisationernas platser visas per arbetsgrupp; publicera arbetsgrupperna också.',
    da: '{field}: organisationernes pladser vises pr. arbejdsgruppe; offentliggør også arbejdsgrupperne.',
    en: '{field}: organisations\' seats are shown per working group; publish the working groups too.',
  },
  'publicRegister.notThisCommission': {
    sv: '{field}: leveransen {id} hör inte till det här uppdraget.',
    da: '{field}: leverancen {id} hører ikke til denne opgave.',
    en: '{field}: the deliverable {id} does not belong to this commission.',
  },
});
