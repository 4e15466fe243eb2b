package load

// The OpenAPI object model, as much of it as the pre-pass needs: which object each field of
// an object holds, which objects a $ref may stand for, and which fields are plain data.

// kind is what a node of the spec is.
type kind uint8

const (
	// kData is anything the pre-pass does not look into: extensions, enums, defaults, and
	// parts of the spec it does not know.
	kData kind = iota
	kDoc
	kInfo
	kContact
	kLicense
	kServer
	kServerVariable
	kComponents
	kPaths
	kPathItem
	kOperation
	kExternalDocs
	kParameter
	kRequestBody
	kMediaType
	kEncoding
	kResponses
	kResponse
	kCallback
	kExample
	kLink
	kHeader
	kTag
	kSecurityScheme
	kOAuthFlows
	kOAuthFlow
	kSchema
	kDiscriminator
	kXML
	// kString is a field that holds text: a description, a summary, a title.
	kString
	// kExampleValue is an example's value: data, or a $ref to the file that holds it.
	kExampleValue
	// kMappingRef is a discriminator mapping value: a schema name or a $ref written as a
	// plain string.
	kMappingRef
)

// shape says how a field holds its kind: one of it, a map of them, a list of them, or (for
// items) one or a list.
type shape uint8

const (
	one shape = iota
	mapOf
	listOf
	oneOrList
)

// state is what the pre-pass expects at a node.
type state struct {
	kind  kind
	shape shape
}

var kindNames = map[kind]string{
	kDoc: "document", kInfo: "info", kContact: "contact", kLicense: "license", kServer: "server",
	kServerVariable: "server variable", kComponents: "components", kPaths: "paths",
	kPathItem: "path item", kOperation: "operation", kExternalDocs: "external docs",
	kParameter: "parameter", kRequestBody: "request body", kMediaType: "media type",
	kEncoding: "encoding", kResponses: "responses", kResponse: "response", kCallback: "callback",
	kExample: "example", kLink: "link", kHeader: "header", kTag: "tag",
	kSecurityScheme: "security scheme", kOAuthFlows: "OAuth flows", kOAuthFlow: "OAuth flow",
	kSchema: "schema", kDiscriminator: "discriminator", kXML: "xml", kString: "text",
	kExampleValue: "example value", kMappingRef: "discriminator mapping",
}

func (s state) String() string {
	switch s.shape {
	case mapOf:
		return "map of " + kindNames[s.kind] + "s"
	case listOf:
		return "list of " + kindNames[s.kind] + "s"
	}
	return kindNames[s.kind]
}

// refable reports whether OpenAPI lets a Reference Object stand for k.
func refable(k kind) bool {
	switch k {
	case kPathItem, kParameter, kRequestBody, kResponse, kCallback, kExample, kLink, kHeader,
		kSecurityScheme, kSchema:
		return true
	}
	return false
}

var (
	str        = state{kString, one}
	strList    = state{kString, listOf}
	extDocs    = state{kExternalDocs, one}
	schema     = state{kSchema, one}
	schemaMap  = state{kSchema, mapOf}
	schemaList = state{kSchema, listOf}
	examples   = state{kExample, mapOf}
	exValue    = state{kExampleValue, one}
	content    = state{kMediaType, mapOf}
	headers    = state{kHeader, mapOf}
	params     = state{kParameter, listOf}
	servers    = state{kServer, listOf}
)

// fields are the known fields of each object kind.
var fields = map[kind]map[string]state{
	kDoc: {
		"openapi": str, "info": {kInfo, one}, "servers": servers, "paths": {kPaths, one},
		"webhooks": {kPathItem, mapOf}, "components": {kComponents, one}, "tags": {kTag, listOf},
		"externalDocs": extDocs,
	},
	kInfo: {
		"title": str, "summary": str, "description": str, "termsOfService": str,
		"contact": {kContact, one}, "license": {kLicense, one}, "version": str,
	},
	kContact:        {"name": str, "url": str, "email": str},
	kLicense:        {"name": str, "identifier": str, "url": str},
	kServer:         {"url": str, "description": str, "variables": {kServerVariable, mapOf}},
	kServerVariable: {"enum": strList, "default": str, "description": str},
	kComponents: {
		"schemas": schemaMap, "responses": {kResponse, mapOf}, "parameters": {kParameter, mapOf},
		"examples": examples, "requestBodies": {kRequestBody, mapOf}, "headers": headers,
		"securitySchemes": {kSecurityScheme, mapOf}, "links": {kLink, mapOf},
		"callbacks": {kCallback, mapOf}, "pathItems": {kPathItem, mapOf},
	},
	kPathItem: {
		"summary": str, "description": str, "servers": servers, "parameters": params,
		"get": {kOperation, one}, "put": {kOperation, one}, "post": {kOperation, one},
		"delete": {kOperation, one}, "options": {kOperation, one}, "head": {kOperation, one},
		"patch": {kOperation, one}, "trace": {kOperation, one},
	},
	kOperation: {
		"tags": strList, "summary": str, "description": str, "externalDocs": extDocs,
		"operationId": str, "parameters": params,
		"requestBody": {kRequestBody, one}, "responses": {kResponses, one},
		"callbacks": {kCallback, mapOf}, "servers": servers,
	},
	kExternalDocs: {"description": str, "url": str},
	kParameter: {
		"name": str, "in": str, "description": str, "style": str, "schema": schema,
		"example": exValue, "examples": examples, "content": content,
	},
	kRequestBody: {"description": str, "content": content},
	kMediaType: {
		"schema": schema, "example": exValue, "examples": examples,
		"encoding": {kEncoding, mapOf},
	},
	kEncoding: {"contentType": str, "headers": headers, "style": str},
	kResponse: {
		"description": str, "headers": headers, "content": content, "links": {kLink, mapOf},
	},
	kExample: {"summary": str, "description": str, "value": exValue, "externalValue": str},
	kLink: {
		"operationRef": str, "operationId": str, "description": str, "server": {kServer, one},
	},
	kHeader: {
		"description": str, "style": str, "schema": schema, "example": exValue,
		"examples": examples, "content": content,
	},
	kTag: {"name": str, "description": str, "externalDocs": extDocs},
	kSecurityScheme: {
		"type": str, "description": str, "name": str, "in": str, "scheme": str,
		"bearerFormat": str, "flows": {kOAuthFlows, one}, "openIdConnectUrl": str,
	},
	kOAuthFlows: {
		"implicit": {kOAuthFlow, one}, "password": {kOAuthFlow, one},
		"clientCredentials": {kOAuthFlow, one}, "authorizationCode": {kOAuthFlow, one},
	},
	kOAuthFlow: {
		"authorizationUrl": str, "tokenUrl": str, "refreshUrl": str,
		"scopes": {kString, mapOf},
	},
	kSchema: {
		"title": str, "description": str, "format": str, "pattern": str, "properties": schemaMap,
		"patternProperties": schemaMap, "$defs": schemaMap, "definitions": schemaMap,
		"dependentSchemas": schemaMap, "items": {kSchema, oneOrList}, "prefixItems": schemaList,
		"allOf": schemaList, "oneOf": schemaList, "anyOf": schemaList, "not": schema,
		"additionalProperties": schema, "additionalItems": schema, "if": schema, "then": schema,
		"else": schema, "contains": schema, "propertyNames": schema, "unevaluatedItems": schema,
		"unevaluatedProperties": schema, "contentSchema": schema,
		"discriminator": {kDiscriminator, one}, "example": exValue,
		"examples": {kExampleValue, listOf}, "externalDocs": extDocs, "xml": {kXML, one},
	},
	kDiscriminator: {"propertyName": str, "mapping": {kMappingRef, mapOf}},
}

// keyed are the objects whose every key but the extensions names a child: the paths,
// an operation's responses, a callback's expressions.
var keyed = map[kind]kind{kPaths: kPathItem, kResponses: kResponse, kCallback: kPathItem}

// at is s for the node it describes: items are a schema, or a list of them.
func (s state) at(isList bool) state {
	if s.shape == oneOrList {
		if isList {
			return state{s.kind, listOf}
		}
		return state{s.kind, one}
	}
	return s
}

// child is what the value of key holds in a node of state s (after at), or kData.
func (s state) child(key string) state {
	if s.shape == mapOf || s.shape == listOf {
		return state{s.kind, one}
	}
	if k, ok := keyed[s.kind]; ok && !isExtension(key) {
		return state{k, one}
	}
	if c, ok := fields[s.kind][key]; ok {
		return c
	}
	return state{}
}

func isExtension(key string) bool { return len(key) > 2 && key[:2] == "x-" }

// methods are the operation fields of a path item.
var methods = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true, "options": true, "head": true,
	"patch": true, "trace": true,
}
