/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The device catalog: every palette model and module, read from data/catalog.xml. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CORD_MEDIUM_COPPER,
  CORD_MEDIUM_FIBER,
  CORD_MEDIUM_SERIAL,
  CORD_MEDIUM_CONSOLE,
  CORD_MEDIUM_ASYNC,
  CORD_MEDIUM_WIRELESS,
} CordMedium;

typedef enum {
  CORD_KIND_ROUTER,
  CORD_KIND_SWITCH,
  CORD_KIND_L3SWITCH,
  CORD_KIND_BRIDGE,
  CORD_KIND_HUB,
  CORD_KIND_PC,
  CORD_KIND_LAPTOP,
  CORD_KIND_SERVER,
} CordDeviceKind;

typedef enum {
  CORD_CATEGORY_ROUTERS,
  CORD_CATEGORY_SWITCHES,
  CORD_CATEGORY_HUBS,
  CORD_CATEGORY_END_DEVICES,
} CordCategory;

/* A fixed port of a model. */
typedef struct {
  const char *name;        /* full IOS name: "FastEthernet0/1" */
  const char *type;        /* interned: "FastEthernet" */
  CordMedium  medium;
} CordPortSpec;

/* Ports that a module contributes; names come from the slot's template. */
typedef struct {
  const char *type;        /* interned */
  CordMedium  medium;
  guint       count;
  gboolean    switchport;
} CordModulePorts;

typedef struct {
  const char  *id;         /* "0/1", "1", "W0" */
  const char **accepts;    /* NULL-terminated family names, interned */
  const char  *ports;      /* name template with {type} {slot} {n} */
  guint        first;      /* value of {n} for the module's first port */
} CordSlotSpec;

typedef struct {
  const char      *name;
  const char      *family;      /* interned */
  const char      *description;
  CordModulePorts *ports;
  guint            n_ports;     /* entries in ports, not port count */
  CordSlotSpec    *slots;       /* sub-slots a module carries (NM-2FE2W) */
  guint            n_slots;
} CordModuleSpec;

typedef struct {
  const char *slot;
  const char *module;
} CordDefaultModule;

/* What `show version` prints; NULL fields for models without IOS. */
typedef struct {
  const char *software;
  const char *compiled;
  const char *processor;
  const char *image;
  gboolean    legacy;      /* 12.1/12.2-style two-line banner */
} CordIosInfo;

typedef struct {
  const char        *name;        /* "2960-24TT" */
  CordDeviceKind     kind;
  CordCategory       category;
  const char        *prefix;      /* canvas name base: "Switch" */
  const char        *hostname;    /* default IOS hostname, or NULL */
  const char        *description;
  gboolean           mdix;        /* copper ports are MDI-X */
  CordPortSpec      *ports;
  guint              n_ports;
  CordSlotSpec      *slots;
  guint              n_slots;
  CordDefaultModule *defaults;
  guint              n_defaults;
  CordIosInfo        ios;
} CordModelSpec;

typedef struct _CordCatalog CordCatalog;

CordCatalog          *cord_catalog_new_from_bytes (GBytes      *xml,
                                                   const char  *filename,
                                                   GError     **error);
CordCatalog          *cord_catalog_new_from_file  (const char  *path,
                                                   GError     **error);
/* The catalog built into the library; loaded once, never freed. */
CordCatalog          *cord_catalog_get_default    (void);
void                  cord_catalog_free           (CordCatalog *catalog);

const CordModelSpec  *cord_catalog_lookup_model   (const CordCatalog *catalog,
                                                   const char        *name);
const CordModuleSpec *cord_catalog_lookup_module  (const CordCatalog *catalog,
                                                   const char        *name);
guint                 cord_catalog_get_n_models   (const CordCatalog *catalog);
const CordModelSpec  *cord_catalog_get_model      (const CordCatalog *catalog,
                                                   guint              index);
guint                 cord_catalog_get_n_modules  (const CordCatalog *catalog);
const CordModuleSpec *cord_catalog_get_module     (const CordCatalog *catalog,
                                                   guint              index);

gboolean              cord_slot_accepts           (const CordSlotSpec   *slot,
                                                   const CordModuleSpec *module);
const CordSlotSpec   *cord_model_find_slot        (const CordModelSpec  *model,
                                                   const char           *id);
/* Expands a slot's port-name template for the module port at @index. */
char                 *cord_slot_port_name         (const CordSlotSpec   *slot,
                                                   const char           *type,
                                                   guint                 index);
gboolean              cord_kind_has_ios           (CordDeviceKind        kind);
gboolean              cord_kind_is_host           (CordDeviceKind        kind);
/* Switches with IOS keep a VLAN database (vlan.dat). */
gboolean              cord_kind_has_vlans         (CordDeviceKind        kind);

const char           *cord_medium_to_string       (CordMedium   medium);
gboolean              cord_medium_from_string     (const char  *str,
                                                   CordMedium  *medium);
const char           *cord_medium_describe        (CordMedium   medium);
const char           *cord_category_to_string     (CordCategory category);
const char           *cord_category_label         (CordCategory category);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordCatalog, cord_catalog_free)

G_END_DECLS
