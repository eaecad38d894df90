import { useEffect } from 'react';
import { useI18n } from './i18n';

interface PersonFields {
  id: string;
  fullName: string;
  locale: 'sv' | 'da' | 'en';
  timeZone: string;
}

/** A page whose query asked for `me { person }` hands the signed-in person to the layout (name, language, zone). */
export function useViewerFrom(person: PersonFields | null | undefined): void {
  const { setViewer } = useI18n();
  useEffect(() => {
    if (person) setViewer({ personId: person.id, name: person.fullName, locale: person.locale, timeZone: person.timeZone });
  }, [person, setViewer]);
}
